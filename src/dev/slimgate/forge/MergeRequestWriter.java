package dev.slimgate.forge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the title, description and results note of a phase's merge request. The description
 * carries the report; when the report does not fit the forge's limit it is cut at a line and
 * links to the full report committed on the branch. A hidden marker at the end holds the hash
 * of everything written, so that a rerun can tell that nothing changed without comparing texts
 * the forge may have normalised.
 */
public final class MergeRequestWriter {

  /** Hidden marker that identifies slimgate's one results note among all notes. */
  public static final String NOTE_MARKER = "<!-- slimgate:results -->";

  private static final Pattern HASH_MARKER =
      Pattern.compile("<!-- slimgate:hash=([0-9a-f]{64}) -->");

  /**
   * @param promotion what is published
   * @param branch the phase branch
   * @param commitId the branch tip holding the promotion
   * @param forgeName "GitLab", "GitHub" or "none", for the cut notice
   * @param descriptionLimit the forge's description limit in characters
   * @param noteLimit the forge's note limit in characters
   * @param reportLink web address of the full report, or null when there is no forge
   */
  public MergeRequestContent write(Promotion promotion, String branch, String commitId,
      String forgeName, int descriptionLimit, int noteLimit, String reportLink) {
    String reportRef = reportLink == null
        ? "`" + promotion.reportPath() + "` on branch `" + branch + "`"
        : "[" + promotion.reportPath() + "](" + reportLink + ")";
    StringBuilder head = new StringBuilder();
    head.append("Promotes the candidate of phase ").append(promotion.phase())
        .append(" to production. Merging `").append(branch).append("` writes:\n\n");
    for (FileChange file : promotion.files()) {
      head.append("- `").append(file.path()).append("`\n");
    }
    head.append("- `").append(promotion.reportPath()).append("` (the full report)\n\n");
    head.append("Full report: ").append(reportRef).append("\n\n---\n\n");
    String tailTemplate = "\n\n" + hashMarker("0".repeat(64)) + "\n";
    String report = promotion.report().strip();
    boolean cut = false;
    int room = descriptionLimit - head.length() - tailTemplate.length();
    if (report.length() > room) {
      String notice = "\n\n---\n\n**The report is cut here**: it has " + report.length()
          + " characters and a " + forgeName + " description holds at most " + descriptionLimit
          + ". Full report: " + reportRef;
      report = cutAtLine(report, Math.max(0, room - notice.length())) + notice;
      cut = true;
    }
    String bodyWithoutMarker = head + report;
    String note = note(promotion, branch, commitId, reportRef, noteLimit);
    String hash = hash(promotion.title(), bodyWithoutMarker, promotion.labels(), note);
    String description = bodyWithoutMarker + "\n\n" + hashMarker(hash) + "\n";
    return new MergeRequestContent(promotion.title(), description, promotion.labels(), note,
        hash, cut);
  }

  /** The hash stored in a description written by {@link #write}, if it has one. */
  public static Optional<String> hashIn(String description) {
    Matcher matcher = HASH_MARKER.matcher(description == null ? "" : description);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The text of {@code mr.md}: title and description, for runs without a forge. */
  public static String markdown(MergeRequestContent content) {
    return "# " + content.title() + "\n\n" + content.description()
        + "\n---\n\nResults note:\n\n" + content.note();
  }

  private static String note(Promotion promotion, String branch, String commitId,
      String reportRef, int limit) {
    String head = NOTE_MARKER + "\n### slimgate results: phase " + promotion.phase() + "\n\n";
    String tail = "\n\nBranch `" + branch + "` at `" + commitId.substring(0, 12)
        + "`. Full report: " + reportRef + "\n";
    String summary = promotion.summary().strip();
    int room = limit - head.length() - tail.length();
    if (summary.length() > room) {
      String notice = "\n\n(summary cut: see the full report)";
      summary = cutAtLine(summary, Math.max(0, room - notice.length())) + notice;
    }
    return head + summary + tail;
  }

  private static String cutAtLine(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = text.lastIndexOf('\n', max);
    if (end <= 0) {
      end = max;
      if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
    }
    return text.substring(0, end);
  }

  private static String hashMarker(String hash) {
    return "<!-- slimgate:hash=" + hash + " -->";
  }

  private static String hash(String title, String body, List<String> labels, String note) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(title, body, String.join("\n", new TreeSet<>(labels)), note)) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
