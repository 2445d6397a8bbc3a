package dev.slimgate.anatomy;

/** The report of an image and its final filesystem, which {@link ImageDiff} compares. */
public record Analysis(Anatomy anatomy, FileTree tree) {}
