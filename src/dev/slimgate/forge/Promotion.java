package dev.slimgate.forge;

import java.util.List;

/**
 * What a finished phase publishes: the files that promote its candidate, its report and the
 * words of the merge request.
 *
 * @param phase the phase id, e.g. A
 * @param files files written on the phase branch (the report file is added by the publisher)
 * @param report the report as markdown
 * @param reportPath where the report is committed, e.g. slimgate/reports/phase-a.md
 * @param title the merge request title
 * @param summary the text of the results note
 * @param labels the merge request labels
 */
public record Promotion(
    String phase,
    List<FileChange> files,
    String report,
    String reportPath,
    String title,
    String summary,
    List<String> labels) {

  public Promotion {
    files = List.copyOf(files);
    labels = List.copyOf(labels);
  }
}
