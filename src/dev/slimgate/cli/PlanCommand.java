package dev.slimgate.cli;

import dev.slimgate.plan.Plan;
import dev.slimgate.plan.PlanReader;
import dev.slimgate.plan.Problems;
import dev.slimgate.plan.Section;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slimgate plan}: work with phase plans. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Work with phase plans.",
    subcommands = {PlanCommand.Check.class, PlanCommand.Show.class})
final class PlanCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** {@code slimgate plan check FILE}: every problem of a plan, at once. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Reads a plan strictly and reports every problem with file:line:column."
          + "%nExit codes: 0 valid, 2 problems found.")
  static final class Check implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the plan")
    Path file;

    @Option(names = "--repo", paramLabel = "DIR",
        description = "also check that the Dockerfiles and contexts the plan names exist here")
    Path repo;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Path base = repo != null ? repo : RunCommand.planFolder(file);
      Plan plan = new PlanReader(repo, Plans.SECTION_CHECKS).read(file, base);
      spec.commandLine().getOut().println(file + ": valid plan of " + plan.image().name() + " with "
          + plan.components().size() + " components and phases "
          + String.join(", ", plan.phases().stream().map(Plan.Phase::id).toList()));
      return 0;
    }
  }

  /** {@code slimgate plan show}: what one phase builds, for Jenkins steps and people. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Prints what a phase builds: its gates, Dockerfiles, image tags and the agent"
          + " labels of its regression stages.%nExit codes: 0 shown, 2 plan or usage error.")
  static final class Show implements Callable<Integer> {

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "the plan")
    Path file;

    @Option(names = "--phase", required = true, paramLabel = "ID", description = "A, B, C or D")
    String phase;

    @Option(names = "--repo", paramLabel = "DIR",
        description = "the image repository (default: the plan's folder); Dockerfile paths are"
            + " shown joined to it")
    Path repo;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
        description = "text for people, json for steps (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "write here, not to stdout")
    Path output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
      if (!format.equals("json") && !format.equals("text")) {
        throw new dev.slimgate.core.UsageException("--format is '" + format
            + "'; use text or json");
      }
      Path base = repo != null ? repo : RunCommand.planFolder(file);
      Plan plan = new PlanReader().read(file, base);
      Plan.Phase p = plan.phase(phase).orElseThrow(() -> new dev.slimgate.core.UsageException(
          "plan " + file + " has no phase '" + phase + "'; its phases are " + String.join(", ",
              plan.phases().stream().map(Plan.Phase::id).toList())));
      String agent = regressionAgent(plan);
      com.fasterxml.jackson.databind.ObjectMapper json =
          new com.fasterxml.jackson.databind.ObjectMapper();
      com.fasterxml.jackson.databind.node.ObjectNode root = json.createObjectNode();
      root.put("phase", p.id());
      root.put("name", p.name());
      p.gates().forEach(root.putArray("gates")::add);
      var dockerfiles = root.putArray("dockerfiles");
      var images = root.putArray("images");
      // the Dockerfiles the lint gate judges: the candidates'; the baseline is shown apart
      root.putObject("baseline").put("image", plan.image().name() + ":baseline")
          .put("dockerfile", show(base, plan.image().dockerfile()));
      images.add(plan.image().name() + ":baseline");
      var candidates = root.putArray("candidates");
      for (Plan.Candidate c : p.candidates()) {
        dockerfiles.add(show(base, c.dockerfile()));
        images.add(p.tag(c));
        var node = candidates.addObject().put("name", c.name()).put("image", p.tag(c))
            .put("dockerfile", show(base, c.dockerfile()));
        if (agent != null) {
          node.put("regressionAgent", agent);
        }
      }
      String text = format.equals("json") ? root.toPrettyString() + "\n" : text(root);
      if (output != null) {
        if (output.getParent() != null) {
          java.nio.file.Files.createDirectories(output.getParent());
        }
        java.nio.file.Files.writeString(output, text);
      } else {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      }
      return 0;
    }

    private static String show(Path base, String relative) {
      return base.resolve(relative).normalize().toString();
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode root) {
      StringBuilder out = new StringBuilder("phase " + root.path("phase").asText() + " ("
          + root.path("name").asText() + "), gates " + root.path("gates").toString() + "\n");
      root.path("candidates").forEach(c -> out.append("  ").append(c.path("image").asText())
          .append(" from ").append(c.path("dockerfile").asText())
          .append(c.has("regressionAgent") ? ", regression on agent '"
              + c.path("regressionAgent").asText() + "'" : "").append('\n'));
      return out.toString();
    }

    /** The first agent label a regression stage names: where the long stages must run. */
    private static String regressionAgent(Plan plan) {
      if (plan.regression().isEmpty()) {
        return null;
      }
      Problems ignored = new Problems(plan.file().toString());
      Section section = Section.open(plan.regression().get(), "regression", ignored);
      for (org.snakeyaml.engine.v2.nodes.Node stage : section.items("stages")) {
        Section st = Section.open(stage, "stage", ignored);
        java.util.Optional<String> agent = st.string("agent");
        if (agent.isPresent()) {
          return agent.get();
        }
      }
      return null;
    }
  }
}
