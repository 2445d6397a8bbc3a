package dev.slimgate.anatomy;

/**
 * An installed package and the bytes its manager says it occupies.
 *
 * @param manager {@code dpkg}, {@code python} or {@code conda}
 * @param source the metadata file it was read from, e.g. {@code var/lib/dpkg/status}
 */
public record PackageRecord(String manager, String name, String version, long bytes,
    String source) {}
