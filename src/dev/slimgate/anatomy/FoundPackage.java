package dev.slimgate.anatomy;

/**
 * A package as a layer's metadata describes it, before the final filesystem is known.
 *
 * @param files newline-separated paths the package owns, relative to {@code base}, when its
 *     bytes are to be measured in the final filesystem; null when {@code record.bytes()} is final
 * @param base the directory those paths are relative to (a wheel's site-packages)
 */
record FoundPackage(PackageRecord record, String base, String files) {

  static FoundPackage of(PackageRecord record) {
    return new FoundPackage(record, null, null);
  }
}
