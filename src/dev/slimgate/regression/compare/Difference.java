package dev.slimgate.regression.compare;

/**
 * One difference at one place.
 *
 * @param place where, e.g. "line 3, column 2", "voxel (1,2,3)", "header field pixdim[1]",
 *     "byte 1024", or prefixed with the zip entry "entry a.nii: voxel (0,0,0)"
 * @param baseline the value on the baseline (or reference) side, as text
 * @param candidate the value on the candidate side, as text
 * @param error the absolute numeric error, or NaN when the values are not numbers
 */
public record Difference(String place, String baseline, String candidate, double error) {

  /** "voxel (1,2,3): baseline 1.0, candidate 2.0 (error 1.0)". */
  public String describe() {
    String text = place + ": baseline " + baseline + ", candidate " + candidate;
    return Double.isNaN(error) ? text : text + " (error " + format(error) + ")";
  }

  /** The same difference seen from inside a container such as a zip archive. */
  public Difference within(String prefix) {
    return new Difference(prefix + ": " + place, baseline, candidate, error);
  }

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
