package dev.slimgate.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A phase plan as read from its YAML file. Relative paths inside are relative to {@link #repo()}.
 *
 * @param regression the raw {@code regression:} section, read by the regression package
 * @param lint the raw {@code lint:} section, read by the lint package
 */
public record Plan(
    Path file,
    Path repo,
    ImageSpec image,
    Map<String, Component> components,
    List<Phase> phases,
    Optional<Node> regression,
    Optional<Node> lint,
    ForgeSpec forge,
    ChatSpec chat) {

  /** The phase with this id, if the plan has it. */
  public Optional<Phase> phase(String id) {
    return phases.stream().filter(p -> p.id().equalsIgnoreCase(id)).findFirst();
  }

  /** Position of a phase in the rollout order; -1 for an unknown id. */
  public int order(String id) {
    for (int i = 0; i < phases.size(); i++) {
      if (phases.get(i).id().equalsIgnoreCase(id)) {
        return i;
      }
    }
    return -1;
  }

  /** True when a rule that applies "after" {@code since} applies while running {@code phase}. */
  public boolean reached(String phase, String since) {
    int s = order(since);
    return s >= 0 && order(phase) >= s;
  }

  /** Component name to the paths of its bytes in the image, in plan order. */
  public Map<String, List<String>> componentPaths() {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    components.forEach((name, c) -> out.put(name, c.paths()));
    return out;
  }

  /**
   * The production image: its Dockerfile is the baseline of every phase.
   *
   * @param prepare a command run on the agent in the repository before any build (for example to
   *     put build inputs into the context); null when there is none
   * @param buildNetwork the network of build steps, e.g. "host" to reach a package registry;
   *     null for the engine's default
   */
  public record ImageSpec(
      String name, String dockerfile, String context, Map<String, String> buildArgs,
      String prepare, String buildNetwork) {}

  /** A part of the image (ANTs, FreeSurfer, ...) and what it must still provide. */
  public record Component(
      String name,
      List<String> paths,
      List<CommandCheck> commands,
      List<String> files,
      List<AbsentPath> absent,
      Python python) {}

  /**
   * A command that must resolve on PATH and answer its probe.
   *
   * @param expect a regular expression searched in stdout and stderr; null: exit code 0 suffices
   */
  public record CommandCheck(String name, String probe, String expect, long timeoutMillis) {}

  /** A path that must be gone once phase {@code after} is reached. */
  public record AbsentPath(String path, String after) {}

  /** Python modules that must import, or must no longer import from a phase on. */
  public record Python(String interpreter, List<String> imports, List<AbsentModule> absent) {

    public static final Python NONE = new Python("python3", List.of(), List.of());
  }

  public record AbsentModule(String module, String after) {}

  /**
   * One phase of the rollout.
   *
   * @param budget the most the candidates may weigh together, null when not limited
   */
  public record Phase(
      String id,
      String name,
      Long budget,
      List<String> gates,
      List<Candidate> candidates,
      List<Saving> savings) {

    public boolean gates(String gate) {
      return gates.contains(gate);
    }

    /** The tag of a candidate image of this phase, e.g. {@code medimproc:phase-a}. */
    public String tag(Candidate candidate) {
      return candidate.name() + ":phase-" + id.toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * An image this phase builds; phase C has one per service.
   *
   * @param components the components checked in it; empty means all
   * @param budget the most this one image may weigh, null when not limited
   */
  public record Candidate(
      String name, String dockerfile, String context, List<String> components, Long budget) {}

  /** What one change is expected to save. */
  public record Saving(String change, String component, long bytes) {}

  /** Where merge requests go; every field may be null (no forge: the embedded default). */
  public record ForgeSpec(
      String type, String url, String project, String remote, String targetBranch) {

    public static final ForgeSpec NONE = new ForgeSpec(null, null, null, null, null);
  }

  /** Team chat; every field may be null (no chat: the console default). */
  public record ChatSpec(String channel, String releaseManagers) {

    public static final ChatSpec NONE = new ChatSpec(null, null);
  }
}
