package dev.slimgate.regression;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.core.Events;
import dev.slimgate.core.UsageException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests the runner refuses before it starts any container (so no engine is needed). */
class RegressionRunnerTest {

  private static final RegressionSpec ONE_STAGE = new RegressionSpec(null, null,
      List.of(new Stage("a", "true", List.of("x"), null, 1000, 0, 0, null)), List.of());

  @TempDir
  Path out;

  private final RegressionRunner runner =
      new RegressionRunner(new StageRunner(null, java.util.Map.of(), Events.NONE), Events.NONE);

  private String refusal(RegressionSpec spec, RegressionRequest request) {
    return assertThrows(UsageException.class, () -> runner.run(spec, request)).getMessage();
  }

  @Test
  void aPlanWithoutStagesIsRefused() {
    String message = refusal(new RegressionSpec(null, null, List.of(), List.of()),
        new RegressionRequest("b", "c", null, null, null, out));

    assertTrue(message.contains("no stages"), message);
  }

  @Test
  void neitherBaselineNorReferenceIsRefused() {
    String message = refusal(ONE_STAGE, new RegressionRequest(null, "c", null, null, null, out));

    assertTrue(message.contains("pass --baseline IMAGE or --reference DIR"), message);
  }

  @Test
  void aMissingReferenceFolderIsRefused() {
    String message = refusal(ONE_STAGE,
        new RegressionRequest(null, "c", out.resolve("nothing"), null, null, out));

    assertTrue(message.contains("record one with --record-reference DIR"), message);
  }

  @Test
  void neitherCandidateNorRecordingIsRefused() {
    String message = refusal(ONE_STAGE, new RegressionRequest("b", null, null, null, null, out));

    assertTrue(message.contains("no candidate image"), message);
  }
}
