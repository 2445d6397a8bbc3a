package dev.slimgate.plan;

import dev.slimgate.plan.Plan.AbsentModule;
import dev.slimgate.plan.Plan.AbsentPath;
import dev.slimgate.plan.Plan.Candidate;
import dev.slimgate.plan.Plan.ChatSpec;
import dev.slimgate.plan.Plan.CommandCheck;
import dev.slimgate.plan.Plan.Component;
import dev.slimgate.plan.Plan.ForgeSpec;
import dev.slimgate.plan.Plan.ImageSpec;
import dev.slimgate.plan.Plan.Phase;
import dev.slimgate.plan.Plan.Python;
import dev.slimgate.plan.Plan.Saving;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a phase plan strictly: every unknown key, wrong type, bad value and dangling reference
 * is collected with its position, and all of them are thrown together in a {@link
 * PlanException}.
 */
public final class PlanReader {

  public static final Set<String> GATES = Set.of("lint", "tools", "size", "regression");
  public static final List<String> PHASE_IDS = List.of("A", "B", "C", "D");
  private static final long DEFAULT_CHECK_TIMEOUT = 60_000;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private final Path repo;
  private final Map<String, SectionCheck> sectionChecks;

  /**
   * Checks one section that another package owns (regression, lint), so that its problems come
   * in the same report as the rest of the plan's.
   */
  @FunctionalInterface
  public interface SectionCheck {
    void check(Node section, Problems problems);
  }

  /** A reader that checks the plan's syntax and references only. */
  public PlanReader() {
    this(null);
  }

  /** A reader that also checks that the Dockerfiles and contexts exist under {@code repo}. */
  public PlanReader(Path repo) {
    this(repo, Map.of());
  }

  /** A reader that also runs {@code sectionChecks} on the sections they are keyed by. */
  public PlanReader(Path repo, Map<String, SectionCheck> sectionChecks) {
    this.repo = repo;
    this.sectionChecks = Map.copyOf(sectionChecks);
  }

  /**
   * Reads {@code file}; relative paths of the plan resolve against {@code base} (the image
   * repository, by default the plan's folder).
   */
  public Plan read(Path file, Path base) {
    String label = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PlanException(List.of(new Problem(label, 0, 0, "", "the plan file does not exist",
          "pass the path of a plan YAML file, e.g. phases/medimproc.yaml")));
    } catch (IOException e) {
      throw new PlanException(List.of(new Problem(label, 0, 0, "",
          "the plan file cannot be read: " + e.getMessage(), "check its permissions")));
    }
    Node root = compose(label, text);
    Problems problems = new Problems(label);
    Plan plan = read(root, file, base, problems);
    problems.throwIfAny();
    return plan;
  }

  /** Parses YAML text into its node tree, turning syntax errors into a positioned problem. */
  public static Node compose(String label, String text) {
    LoadSettings settings = LoadSettings.builder().setLabel(label).build();
    try {
      Composer composer =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      Optional<Node> node = composer.getSingleNode();
      if (node.isEmpty()) {
        throw new PlanException(List.of(new Problem(label, 0, 0, "", "the plan file is empty",
            "start from docs/plan-format.md")));
      }
      return node.get();
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
      throw new PlanException(List.of(new Problem(label, line, column, "",
          "not valid YAML: " + e.getProblem(), "fix the YAML syntax at this position")));
    } catch (YamlEngineException e) {
      throw new PlanException(List.of(new Problem(label, 0, 0, "",
          "not valid YAML: " + e.getMessage(), "fix the YAML syntax")));
    }
  }

  private Plan read(Node root, Path file, Path repo, Problems problems) {
    Section top = Section.of(root, "", problems, Set.of("version", "image", "components",
        "phases", "regression", "lint", "forge", "chat"));
    if (!top.has("version")) {
      top.missing("version", "add 'version: 1' at the top");
    } else {
      top.string("version").filter(v -> !v.equals("1")).ifPresent(v -> top.problem("version",
          "unsupported plan version " + v, "this slimgate reads 'version: 1'"));
    }
    ImageSpec image = readImage(top, problems);
    List<Section> afters = new ArrayList<>();
    Map<String, Component> components = readComponents(top, problems, afters);
    List<Phase> phases = readPhases(top, problems, components.keySet());
    checkAfterReferences(afters, phases);
    ForgeSpec forge = top.section("forge",
            Set.of("type", "url", "project", "remote", "target_branch"))
        .map(s -> new ForgeSpec(s.string("type").map(t -> oneOf(s, "type", t,
            List.of("gitlab", "github", "none"))).orElse(null),
            s.string("url").orElse(null), s.string("project").orElse(null),
            s.string("remote").orElse(null), s.string("target_branch").orElse(null)))
        .orElse(ForgeSpec.NONE);
    ChatSpec chat = top.section("chat", Set.of("channel", "release_managers"))
        .map(s -> new ChatSpec(s.string("channel").orElse(null),
            s.string("release_managers").orElse(null)))
        .orElse(ChatSpec.NONE);
    sectionChecks.forEach((key, check) -> top.value(key).ifPresent(n -> check.check(n, problems)));
    return new Plan(file, repo, image, components, phases, top.value("regression"),
        top.value("lint"), forge, chat);
  }

  private static String oneOf(Section s, String key, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      s.problem(key, "'" + value + "' is not one of " + String.join(", ", allowed),
          "write one of " + String.join(", ", allowed));
    }
    return value;
  }

  private ImageSpec readImage(Section top, Problems problems) {
    if (!top.has("image")) {
      top.missing("image", "add 'image:' with name, dockerfile and context");
      return new ImageSpec("image", "Dockerfile", ".", Map.of(), null, null);
    }
    Section s = top.section("image", Set.of("name", "dockerfile", "context", "build_args",
        "prepare",
        "build_network")).get();
    String name = s.requiredString("name", "add 'name: <image repository>'").orElse("image");
    if (!name.matches("[a-z0-9][a-z0-9._/-]*")) {
      s.problem("name", "'" + name + "' is not a valid image repository name",
          "use lower-case letters, digits, '.', '_', '-' and '/'");
    }
    String dockerfile = s.string("dockerfile").orElse("Dockerfile");
    String context = s.string("context").orElse(".");
    checkFile(s, "dockerfile", dockerfile, false);
    checkFile(s, "context", context, true);
    Map<String, String> args = new LinkedHashMap<>();
    s.value("build_args").ifPresent(node -> {
      Section a = Section.open(node, "image.build_args", problems);
      for (String key : a.keys()) {
        a.string(key).ifPresent(v -> args.put(key, v));
      }
    });
    return new ImageSpec(name, dockerfile, context, args, s.string("prepare").orElse(null),
        s.string("build_network").orElse(null));
  }

  /** With a repository to check against, reports a plan path that is not there. */
  private void checkFile(Section s, String key, String path, boolean directory) {
    if (repo == null || path.equals("?")) {
      return;
    }
    Path resolved = repo.resolve(path);
    boolean ok = directory ? Files.isDirectory(resolved) : Files.isRegularFile(resolved);
    if (!ok) {
      s.problem(key, (directory ? "no directory " : "no file ") + resolved,
          "correct the path (relative to " + repo + ") or pass the image repository with --repo");
    }
  }

  /** Reads the components; every mapping with an 'after:' goes to {@code afters}, to check. */
  private Map<String, Component> readComponents(Section top, Problems problems,
      List<Section> afters) {
    Map<String, Component> out = new LinkedHashMap<>();
    if (!top.has("components")) {
      return out;
    }
    Section all = Section.open(top.value("components").get(), "components", problems);
    for (String name : all.keys()) {
      String path = "components." + name;
      Section c = Section.of(all.value(name).get(), path, problems,
          Set.of("paths", "commands", "files", "absent", "python"));
      List<CommandCheck> commands = new ArrayList<>();
      int i = 0;
      for (Node item : c.items("commands")) {
        Section cmd = Section.of(item, path + ".commands[" + i++ + "]", problems,
            Set.of("name", "probe", "expect", "timeout"));
        String cmdName = cmd.requiredString("name", "add 'name: <command on PATH>'").orElse("?");
        String expect = cmd.string("expect").orElse(null);
        if (expect != null) {
          try {
            Pattern.compile(expect);
          } catch (PatternSyntaxException e) {
            cmd.problem("expect", "not a valid regular expression: " + e.getDescription(),
                "escape special characters such as ( [ . with a backslash");
          }
        }
        commands.add(new CommandCheck(cmdName, cmd.string("probe").orElse(cmdName + " --version"),
            expect, cmd.durationMillis("timeout").orElse(DEFAULT_CHECK_TIMEOUT)));
      }
      List<AbsentPath> absent = new ArrayList<>();
      i = 0;
      for (Node item : c.items("absent")) {
        Section a = Section.of(item, path + ".absent[" + i++ + "]", problems,
            Set.of("path", "after"));
        afters.add(a);
        absent.add(new AbsentPath(a.requiredString("path", "add 'path: /absolute/path'")
            .orElse("/"), a.requiredString("after", "add 'after: A' (the phase that removes it)")
            .orElse("A")));
      }
      Python python = c.section("python", Set.of("interpreter", "import", "absent"))
          .map(p -> readPython(p, problems, afters)).orElse(Python.NONE);
      List<String> paths = c.strings("paths");
      List<String> files = c.strings("files");
      checkAbsolute(c, "paths", paths);
      checkAbsolute(c, "files", files);
      out.put(name, new Component(name, paths, commands, files, absent, python));
    }
    return out;
  }

  private static void checkAbsolute(Section c, String key, List<String> paths) {
    for (String p : paths) {
      if (!p.startsWith("/")) {
        c.problem(key, "'" + p + "' is not an absolute path in the image",
            "write it from the image root, e.g. /home/jovyan/" + p);
      }
    }
  }

  private Python readPython(Section p, Problems problems, List<Section> afters) {
    List<AbsentModule> absent = new ArrayList<>();
    int i = 0;
    for (Node item : p.items("absent")) {
      Section a = Section.of(item, p.path() + ".absent[" + i++ + "]", problems,
          Set.of("module", "after"));
      afters.add(a);
      absent.add(new AbsentModule(a.requiredString("module", "add 'module: <name>'").orElse("?"),
          a.requiredString("after", "add 'after: A'").orElse("A")));
    }
    return new Python(p.string("interpreter").orElse("python3"), p.strings("import"), absent);
  }

  private List<Phase> readPhases(Section top, Problems problems, Set<String> components) {
    List<Phase> out = new ArrayList<>();
    if (!top.has("phases")) {
      top.missing("phases", "add 'phases:' with at least phase A");
      return out;
    }
    Set<String> seen = new HashSet<>();
    int i = 0;
    int lastOrder = -1;
    for (Node item : top.items("phases")) {
      String path = "phases[" + i++ + "]";
      Section s = Section.of(item, path, problems,
          Set.of("id", "name", "budget", "gates", "candidates", "savings"));
      String id = s.requiredString("id", "add 'id: A' (A, B, C or D)").orElse("?");
      int order = PHASE_IDS.indexOf(id);
      if (s.has("id") && order < 0) {
        s.problem("id", "unknown phase id '" + id + "'", "use A, B, C or D");
      } else if (!seen.add(id)) {
        s.problem("id", "phase " + id + " is defined twice", "keep one entry per phase");
      } else if (order >= 0 && order < lastOrder) {
        s.problem("id", "phase " + id + " comes after a later phase",
            "list the phases in rollout order A, B, C, D");
      }
      lastOrder = Math.max(lastOrder, order);
      String name = s.string("name").orElse("Phase " + id);
      Long budget = s.size("budget").orElse(null);
      List<String> gates = s.has("gates") ? s.strings("gates") : List.of("tools", "size");
      for (String gate : gates) {
        if (!GATES.contains(gate)) {
          s.problem("gates", "unknown gate '" + gate + "'", Suggest.closest(gate, GATES)
              .map(g -> "did you mean '" + g + "'?").orElse("gates are " + String.join(", ",
                  GATES.stream().sorted().toList())));
        }
      }
      List<Candidate> candidates = readCandidates(s, problems, components);
      List<Saving> savings = new ArrayList<>();
      int j = 0;
      for (Node sv : s.items("savings")) {
        Section v = Section.of(sv, path + ".savings[" + j++ + "]", problems,
            Set.of("change", "component", "bytes"));
        String component = v.string("component").orElse(null);
        if (component != null && !components.contains(component)) {
          v.problem("component", "no component named '" + component + "'",
              knownNames(component, components));
        }
        if (!v.has("bytes")) {
          v.missing("bytes", "add 'bytes: 2.93GB' (what the change is expected to save)");
        }
        savings.add(new Saving(v.requiredString("change", "describe the change").orElse("?"),
            component, v.size("bytes").orElse(0L)));
      }
      out.add(new Phase(id, name, budget, List.copyOf(gates), candidates, savings));
    }
    return out;
  }

  private List<Candidate> readCandidates(Section s, Problems problems, Set<String> components) {
    List<Candidate> out = new ArrayList<>();
    if (!s.has("candidates")) {
      s.missing("candidates", "add 'candidates:' with at least one {name, dockerfile}");
      return out;
    }
    Set<String> names = new HashSet<>();
    int k = 0;
    for (Node cn : s.items("candidates")) {
      Section c = Section.of(cn, s.path() + ".candidates[" + k++ + "]", problems,
          Set.of("name", "dockerfile", "context", "components", "budget"));
      String name = c.requiredString("name", "add 'name: <service name>'").orElse("?");
      if (c.has("name") && !NAME.matcher(name).matches()) {
        c.problem("name", "'" + name + "' cannot be an image name",
            "use lower-case letters, digits, '.', '_' and '-'");
      } else if (!names.add(name)) {
        c.problem("name", "two candidates are named '" + name + "'", "give each a unique name");
      }
      List<String> comps = c.strings("components");
      for (String comp : comps) {
        if (!components.contains(comp)) {
          c.problem("components", "no component named '" + comp + "'",
              knownNames(comp, components));
        }
      }
      String dockerfile =
          c.requiredString("dockerfile", "add 'dockerfile: <path in the repository>'").orElse("?");
      String context = c.string("context").orElse(".");
      checkFile(c, "dockerfile", dockerfile, false);
      checkFile(c, "context", context, true);
      out.add(new Candidate(name, dockerfile, context, comps, c.size("budget").orElse(null)));
    }
    if (out.isEmpty() && s.has("candidates")) {
      s.problem("candidates", "no candidate image", "add at least one {name, dockerfile}");
    }
    return out;
  }

  private static String knownNames(String name, Set<String> known) {
    return Suggest.closest(name, known).map(n -> "did you mean '" + n + "'?")
        .orElse("components are " + String.join(", ", known));
  }

  /** Each 'after:' must name a phase of the plan; the problem points at that value. */
  private static void checkAfterReferences(List<Section> afters, List<Phase> phases) {
    List<String> ids = phases.stream().map(Phase::id).filter(PHASE_IDS::contains).distinct()
        .sorted().toList();
    for (Section a : afters) {
      a.string("after").filter(after -> !ids.contains(after)).ifPresent(after -> a.problem(
          "after", "'" + after + "' names no phase of this plan",
          ids.isEmpty() ? "add the phase under 'phases:'"
              : "use one of " + String.join(", ", ids)));
    }
  }
}
