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
    // the anatomy tests' partial plan, made whole for the strict plan reader of the commands
    return dev.slimgate.anatomy.AnatomyTestImages.PLAN
        .replace("version: 1\n", "version: 1\nimage: {name: anatomy-test}\n")
        .replace("  - id: A\n", "  - id: A\n    candidates: [{name: anatomy-test, dockerfile: D}]\n");
  }
}
