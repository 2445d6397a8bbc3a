package dev.slimgate.regression.compare;

/** Images: NIfTI-1/2, MRtrix .mif and FreeSurfer MGH/MGZ, each with or without gzip. */
public final class VolumeComparator implements FileComparator {

  /** The image formats this comparator reads. */
  public enum Format { NIFTI, MIF, MGH }

  private final Format format;
  private final Tolerance tolerance;

  public VolumeComparator(Format format, Tolerance tolerance) {
    this.format = format;
    this.tolerance = tolerance;
  }

  @Override
  public String kind() {
    return format.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public Outcome compare(String name, byte[] a, byte[] b) {
    Volume x = read(a, "baseline " + name);
    Volume y = read(b, "candidate " + name);
    return new VolumeComparison(tolerance).compare(name, kind(), x, y);
  }

  private Volume read(byte[] bytes, String what) {
    switch (format) {
      case NIFTI: return new NiftiReader().read(bytes, what);
      case MIF: return new MifReader().read(bytes, what);
      case MGH: return new MghReader().read(bytes, what);
      default: throw new IllegalStateException("unknown format " + format);
    }
  }
}
