package dev.slimgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan example in docs/plan-format.md is a plan the reader accepts, so it cannot drift. */
class DocExamplesTest {

  @Test
  void thePlanFormatExampleIsAValidPlan(@TempDir Path dir) throws IOException {
    Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(Path.of("docs/plan-format.md")));
    m.find();
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, m.group(1));
    assertEquals("medimproc", new PlanReader().read(plan, dir).image().name());
  }
}
