package dev.slimgate.regression.compare;

/**
 * Compares the bytes of one output of the baseline with the candidate's. Implementations are
 * pure: no files, no clock. A side that cannot be read in the expected format is a
 * {@link FormatException}, which the caller turns into a failed outcome.
 */
public interface FileComparator {

  /** The name used in plans and reports: exact, table, nifti, mif, mgh, zip. */
  String kind();

  /** Compares the two contents; {@code name} is used in the outcome and in messages. */
  Outcome compare(String name, byte[] baseline, byte[] candidate);
}
