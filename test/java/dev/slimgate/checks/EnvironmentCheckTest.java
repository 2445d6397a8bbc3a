package dev.slimgate.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentCheckTest {

  private static final List<String> BASELINE = List.of("FREESURFER_HOME=/home/jovyan/freesurfer",
      "ANTSPATH=/home/jovyan/ants-2.4.4/bin",
      "PATH=/home/jovyan/ants/bin:/home/jovyan/ants-2.4.4/bin:/home/jovyan/freesurfer/bin:/bin");

  private static List<String> actuals(List<CheckResult> results) {
    return results.stream().map(r -> r.status() + " " + r.actual()).toList();
  }

  @Test
  void theSameEnvironmentPasses() {
    assertEquals(List.of("PASS kept"),
        actuals(new EnvironmentCheck().check("m", BASELINE, BASELINE, List.of())));
  }

  @Test
  void aLostVariableFails() {
    List<String> candidate = List.of(BASELINE.get(1), BASELINE.get(2));
    assertEquals(List.of("FAIL FREESURFER_HOME is not set in the candidate's image"),
        actuals(new EnvironmentCheck().check("m", BASELINE, candidate, List.of())));
  }

  @Test
  void aLostPathDirectoryFails() {
    List<String> candidate = List.of(BASELINE.get(0), BASELINE.get(1),
        "PATH=/home/jovyan/ants/bin:/home/jovyan/ants-2.4.4/bin:/bin");
    assertEquals("FAIL PATH lost /home/jovyan/freesurfer/bin",
        actuals(new EnvironmentCheck().check("m", BASELINE, candidate, List.of())).get(0)
            .replaceFirst(" \\(candidate.*", ""));
  }

  @Test
  void aPathDirectoryThePlanRemovesMayGo() {
    List<String> candidate = List.of(BASELINE.get(0), BASELINE.get(1),
        "PATH=/home/jovyan/ants-2.4.4/bin:/home/jovyan/freesurfer/bin:/bin");
    assertEquals(List.of("PASS kept"), actuals(new EnvironmentCheck().check("m", BASELINE,
        candidate, List.of("/home/jovyan/ants"))));
  }

  @Test
  void aRemovedPathDoesNotExcuseItsNamesakes() {
    List<String> candidate = List.of(BASELINE.get(0), BASELINE.get(1),
        "PATH=/home/jovyan/ants/bin:/home/jovyan/freesurfer/bin:/bin");
    assertEquals("FAIL PATH lost /home/jovyan/ants-2.4.4/bin", actuals(new EnvironmentCheck()
        .check("m", BASELINE, candidate, List.of("/home/jovyan/ants"))).get(0)
        .replaceFirst(" \\(candidate.*", ""));
  }
}
