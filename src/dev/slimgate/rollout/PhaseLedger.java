package dev.slimgate.rollout;

import dev.slimgate.core.UsageException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Approves phase changes: checks each request against the rollout's rules, then appends the
 * audit entry to the state file. Every problem of a request is reported at once, and nothing is
 * written unless all checks pass.
 */
public final class PhaseLedger {

  private final StateFile file;
  private final Clock clock;

  public PhaseLedger(StateFile file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** A request to approve {@code phase}, the one after the current phase. */
  public record Advance(String phase, String approver, String author, String reason, Path report) {}

  /**
   * A request to go back one phase; {@code phase}, when given, must be the current phase, so that
   * two people rolling back at once do not go back two phases.
   */
  public record Rollback(String phase, String approver, String author, String reason) {}

  /** Checks and records {@code request}; returns the entry written. */
  public AuditEntry advance(Advance request) {
    PhaseState state = file.read();
    List<String> problems = new ArrayList<>();
    String expected = Phases.next(state.phase());
    if (!Phases.ORDER.contains(String.valueOf(request.phase()))) {
      problems.add("--phase is '" + request.phase() + "', which is no phase id; use one of "
          + String.join(", ", Phases.ORDER));
    } else if (expected == null) {
      problems.add("the rollout is already at the last phase " + state.phase()
          + "; there is nothing to advance to");
    } else if (!expected.equals(request.phase())) {
      problems.add("phase " + request.phase() + " cannot be approved now: the current phase is "
          + describe(state.phase()) + ", so the next one is " + expected
          + " (phases go " + String.join(" -> ", Phases.ORDER) + ")");
    }
    checkPeople(request.approver(), request.author(), true, problems);
    checkReason(request.reason(), problems);
    EvidenceReport report = null;
    if (request.report() == null) {
      problems.add("no evidence: give the phase's passing report with --report FILE"
          + " (the report.json of a slimgate run of phase " + request.phase() + ")");
    } else {
      report = EvidenceReport.read(request.report());
      checkReport(report, request.phase(), problems);
    }
    refuseIfAny("advance to phase " + request.phase(), problems);
    AuditEntry entry = new AuditEntry("advance", state.phase(), request.phase(),
        request.approver().trim(), request.author().trim(), clock.instant(),
        request.reason().trim(), request.report().toString(), report.sha256());
    file.write(state.with(entry));
    return entry;
  }

  /** Checks and records a return to the phase before the current one; returns the entry. */
  public AuditEntry rollback(Rollback request) {
    PhaseState state = file.read();
    List<String> problems = new ArrayList<>();
    if (state.phase() == null) {
      problems.add("no phase was approved yet, so there is nothing to roll back");
    } else if (request.phase() != null && !request.phase().equals(state.phase())) {
      problems.add("--phase is " + request.phase() + " but the current phase is "
          + state.phase() + "; someone changed it meanwhile: check " + "the state file's history");
    }
    checkPeople(request.approver(), request.author(), false, problems);
    checkReason(request.reason(), problems);
    refuseIfAny("roll back phase " + describe(state.phase()), problems);
    String author = blank(request.author()) ? null : request.author().trim();
    AuditEntry entry = new AuditEntry("rollback", state.phase(), Phases.previous(state.phase()),
        request.approver().trim(), author, clock.instant(), request.reason().trim(), null, null);
    file.write(state.with(entry));
    return entry;
  }

  private static void checkPeople(
      String approver, String author, boolean authorRequired, List<String> problems) {
    if (blank(approver)) {
      problems.add("no approver: give who approves with --approver USER");
    }
    if (authorRequired && blank(author)) {
      problems.add("no author: give who wrote the change with --author USER, so that"
          + " self-approval can be refused");
    }
    if (!blank(approver) && !blank(author) && samePerson(approver, author)) {
      problems.add("approver " + approver.trim() + " is the author of the change; another"
          + " release manager must approve it");
    }
  }

  private static void checkReason(String reason, List<String> problems) {
    if (blank(reason)) {
      problems.add("no reason: say why with --reason TEXT; it is kept in the audit history");
    }
  }

  private static void checkReport(EvidenceReport report, String phase, List<String> problems) {
    if (report.problem() != null) {
      problems.add(report.problem());
      return;
    }
    if (!report.phase().equals(phase)) {
      problems.add("the report " + report.path() + " is about phase '" + report.phase()
          + "', not phase " + phase + "; give the report of a run of phase " + phase);
    }
    if (!report.verdict().equals("pass")) {
      problems.add("the report " + report.path() + " has verdict '" + report.verdict()
          + "', but only a passing run (verdict pass) can be approved; fix the failing gates"
          + " and run the phase again");
    }
  }

  private static void refuseIfAny(String what, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new UsageException("refused to " + what + ":\n  - " + String.join("\n  - ", problems));
    }
  }

  private static String describe(String phase) {
    return phase == null ? "none (nothing approved yet)" : phase;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Whether two identities name the same person. Jenkins gives the approver's user id and Git
   * the author's e-mail address, so "bob" and "Bob@example.org" count as the same person; two
   * addresses with the same local part do too, which refuses a little too much but never lets
   * an author approve their own change.
   */
  private static boolean samePerson(String a, String b) {
    String x = a.trim().toLowerCase(Locale.ROOT);
    String y = b.trim().toLowerCase(Locale.ROOT);
    return x.equals(y) || localPart(x).equals(localPart(y));
  }

  private static String localPart(String identity) {
    int at = identity.indexOf('@');
    return at < 0 ? identity : identity.substring(0, at);
  }
}
