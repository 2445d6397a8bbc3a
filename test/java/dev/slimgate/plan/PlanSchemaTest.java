package dev.slimgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The JSON Schema in resources/ and the strict reader agree on what a plan is. */
class PlanSchemaTest {

  private static final Schema SCHEMA = SchemaRegistry
      .withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(read(Path.of("resources/plan.schema.json")), InputFormat.JSON);

  private static final List<String> PLANS = List.of("phases/medimproc.yaml",
      "test/fixtures/medimproc-mini/plan.yaml");

  @ParameterizedTest
  @ValueSource(strings = {"phases/medimproc.yaml", "test/fixtures/medimproc-mini/plan.yaml"})
  void bundledPlansValidateAgainstTheSchema(String plan) {
    assertEquals(List.of(), messages(validate(read(Path.of(plan)))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"phases/medimproc.yaml", "test/fixtures/medimproc-mini/plan.yaml"})
  void bundledPlansAreReadByTheStrictReader(String plan) {
    Path file = Path.of(plan);
    assertFalse(new PlanReader().read(file, file.getParent()).phases().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "budget: 29GB|budget: 29 elephants",
      "- id: A|- id: E",
      "name: Quick wins|name: Quick wins\n    colour: blue",
      "after: A|after: Q"})
  void bothRejectTheSameMistake(String edit) throws IOException {
    String[] parts = edit.split("\\|");
    String yaml = read(Path.of(PLANS.get(0))).replaceFirst(java.util.regex.Pattern.quote(parts[0]),
        java.util.regex.Matcher.quoteReplacement(parts[1]));
    assertFalse(validate(yaml).isEmpty(), "the schema accepted " + parts[1]);
    Path file = Files.createTempFile("plan", ".yaml");
    Files.writeString(file, yaml);
    assertThrows(PlanException.class, () -> new PlanReader().read(file, file.getParent()));
  }

  private static List<Error> validate(String yaml) {
    Object tree = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    try {
      return SCHEMA.validate(new ObjectMapper().writeValueAsString(tree), InputFormat.JSON);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> messages(List<Error> errors) {
    return errors.stream().map(Error::toString).toList();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
