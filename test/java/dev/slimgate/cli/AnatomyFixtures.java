package dev.slimgate.cli;

import java.nio.file.Path;

/** Bridges to the archive builders of the anatomy tests, which are package-private there. */
final class AnatomyFixtures {

  private AnatomyFixtures() {}

  static Path base(Path dir) throws Exception {
    return dev.slimgate.anatomy.AnatomyTestImages.base(dir);
  }

  static Path candidate(Path dir) throws Exception {
    return dev.slimgate.anatomy.AnatomyTestImages.candidate(dir);
  }

  static String plan() {
    return dev.slimgate.anatomy.AnatomyTestImages.PLAN;
  }
}
