package dev.slimgate.anatomy;

/**
 * Something unsafe or odd seen in a layer, e.g. an entry with {@code ..} in its path. Such
 * entries are never written anywhere: the analysis only reads.
 *
 * @param layer the layer's name in the archive (or its digest)
 * @param kind a short stable identifier such as {@code absolute-path} or {@code device-node}
 */
public record Finding(String layer, String path, String kind, String detail) {}
