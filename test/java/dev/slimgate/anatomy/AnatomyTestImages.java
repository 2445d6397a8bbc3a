package dev.slimgate.anatomy;

import java.nio.file.Path;
import java.util.List;

/** The baseline and phase-A archives of {@link ImageDiffTest}, for tests in other packages. */
public final class AnatomyTestImages {

  public static final String PLAN = ImageDiffTest.PLAN;

  private AnatomyTestImages() {}

  public static Path base(Path dir) throws Exception {
    return ImageDiffTest.archive(dir, "base.tar", List.of(ImageDiffTest.baseLayer()));
  }

  public static Path candidate(Path dir) throws Exception {
    return ImageDiffTest.archive(dir, "a.tar",
        List.of(ImageDiffTest.baseLayer(), ImageDiffTest.phaseALayer()));
  }
}
