package dev.slimgate.anatomy;

import java.util.List;

/**
 * What changed between a base image and a candidate. Removed and added paths are the topmost
 * ones: a removed directory is listed once, not file by file.
 *
 * @param phase the plan phase whose expected savings are compared, or null
 * @param expectedBytes the phase's expected savings summed, 0 without a plan
 * @param measuredBytes base final bytes minus candidate final bytes
 */
public record DiffResult(
    String base,
    String candidate,
    long baseBytes,
    long candidateBytes,
    List<ComponentDelta> components,
    List<DirDelta> directories,
    List<PathChange> removed,
    long removedBytes,
    List<PathChange> added,
    long addedBytes,
    List<PathChange> changed,
    List<PackageRecord> packagesRemoved,
    List<PackageRecord> packagesAdded,
    String phase,
    List<SavingCheck> savings,
    long expectedBytes,
    long measuredBytes) {

  public record ComponentDelta(String name, long baseBytes, long candidateBytes) {
    public long saved() {
      return baseBytes - candidateBytes;
    }
  }

  public record DirDelta(String path, long baseBytes, long candidateBytes) {
    public long saved() {
      return baseBytes - candidateBytes;
    }
  }

  /** A path only on one side, or (for {@code changed}) with other content on each side. */
  public record PathChange(String path, boolean directory, long baseBytes, long candidateBytes,
      long files) {}

  /**
   * An expected saving against the measured one; {@code measuredBytes} is the component's
   * shrinkage, or -1 when the saving names no component of the plan.
   */
  public record SavingCheck(String change, String component, long expectedBytes,
      long measuredBytes) {}
}
