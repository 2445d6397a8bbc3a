package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The build a Dockerfile describes: stages, and for every instruction the environment and
 * working directory it sees and the {@link LayerEffects} it has. Only stages that end up in the
 * final image (the last stage and the stages it is built FROM) ship their layers; stages used
 * through COPY --from only are build stages whose waste never reaches the image.
 */
final class BuildModel {

  /** One instruction with the state it runs in. */
  record Step(int index, int stage, Instruction instruction, Map<String, String> env,
      String workdir, LayerEffects effects) {}

  /** One ENV assignment, with the value the variable had before. */
  record Assignment(Step step, String name, Optional<String> previous, String value) {}

  /** A build stage. */
  record Stage(int index, Optional<String> name, String base, int parent, List<Step> steps) {}

  private final List<Stage> stages;
  private final Set<Integer> shipped;
  private final List<Assignment> assignments;
  private final String home;
  private final Map<String, String> finalEnv;

  private BuildModel(List<Stage> stages, Set<Integer> shipped, List<Assignment> assignments,
      String home, Map<String, String> finalEnv) {
    this.stages = stages;
    this.shipped = shipped;
    this.assignments = assignments;
    this.home = home;
    this.finalEnv = finalEnv;
  }

  List<Stage> stages() {
    return stages;
  }

  /** Steps of the stages whose layers end up in the final image, in build order. */
  List<Step> shippedSteps() {
    List<Step> steps = new ArrayList<>();
    for (Stage s : stages) {
      if (shipped.contains(s.index())) {
        steps.addAll(s.steps());
      }
    }
    return steps;
  }

  /** ENV assignments of shipped stages, in build order. */
  List<Assignment> assignments() {
    return assignments.stream().filter(a -> shipped.contains(a.step().stage())).toList();
  }

  /** What ${HOME} stands for: its value when known, else the literal "${HOME}". */
  String home() {
    return home;
  }

  /** The environment at the end of the final stage. */
  Map<String, String> finalEnv() {
    return finalEnv;
  }

  /** Builds the model; {@code baseEnv} stands for variables the base images set. */
  static BuildModel of(Dockerfile dockerfile, Map<String, String> baseEnv) {
    return new Builder(dockerfile, baseEnv).build();
  }

  private static final class Builder {
    private final Dockerfile dockerfile;
    private final Map<String, String> baseEnv;
    private final RunAnalyzer analyzer = new RunAnalyzer();
    private final VariableExpander expander;
    private final List<Stage> stages = new ArrayList<>();
    private final List<Assignment> assignments = new ArrayList<>();
    private final Map<String, String> globalArgs = new HashMap<>();
    private final Map<String, Integer> stageNames = new HashMap<>();
    private final Map<Integer, Map<String, String>> endEnv = new HashMap<>();
    private final Map<Integer, String> endWorkdir = new HashMap<>();

    Builder(Dockerfile dockerfile, Map<String, String> baseEnv) {
      this.dockerfile = dockerfile;
      this.baseEnv = baseEnv;
      this.expander = new VariableExpander(dockerfile.escape());
    }

    BuildModel build() {
      Map<String, String> env = new LinkedHashMap<>(baseEnv);
      String workdir = "/";
      List<Step> steps = null;
      int stageIndex = -1;
      int index = 0;
      Optional<String> name = Optional.empty();
      String base = "";
      int parent = -1;
      for (Instruction in : dockerfile.instructions()) {
        if (in.keyword().equals("FROM")) {
          if (steps != null) {
            close(stageIndex, name, base, parent, steps, env, workdir);
          }
          stageIndex++;
          String[] words = in.arguments().split("\\s+");
          base = expand(words[0], globalArgs).toLowerCase(Locale.ROOT);
          name = words.length == 3 ? Optional.of(words[2].toLowerCase(Locale.ROOT))
              : Optional.empty();
          parent = stageNames.getOrDefault(base, -1);
          env = new LinkedHashMap<>(parent >= 0 ? endEnv.get(parent) : baseEnv);
          workdir = parent >= 0 ? endWorkdir.get(parent) : "/";
          steps = new ArrayList<>();
          name.ifPresent(n -> stageNames.put(n, stages.size()));
          continue;
        }
        if (steps == null) {
          if (in.keyword().equals("ARG")) {
            args(in, globalArgs, globalArgs);
          }
          continue;
        }
        Step step = new Step(index++, stageIndex, in, Map.copyOf(env), workdir,
            effects(in, env, workdir));
        steps.add(step);
        switch (in.keyword()) {
          case "ENV" -> env(step, env);
          case "ARG" -> args(in, env, globalArgs);
          case "WORKDIR" -> workdir = LayerPaths.normalize(expand(in.arguments(), env), workdir);
          default -> {
            // other instructions leave environment and working directory alone
          }
        }
      }
      if (steps != null) {
        close(stageIndex, name, base, parent, steps, env, workdir);
      }
      Set<Integer> shipped = new TreeSet<>();
      for (int s = stages.size() - 1; s >= 0; s = stages.get(s).parent()) {
        shipped.add(s);
      }
      String home = env.getOrDefault("HOME", "${HOME}");
      return new BuildModel(List.copyOf(stages), shipped, List.copyOf(assignments), home,
          Map.copyOf(env));
    }

    private void close(int index, Optional<String> name, String base, int parent,
        List<Step> steps, Map<String, String> env, String workdir) {
      stages.add(new Stage(index, name, base, parent, List.copyOf(steps)));
      endEnv.put(index, Map.copyOf(env));
      endWorkdir.put(index, workdir);
    }

    private LayerEffects effects(Instruction in, Map<String, String> env, String workdir) {
      String home = env.getOrDefault("HOME", "${HOME}");
      return switch (in.keyword()) {
        // TODO: ONBUILD triggers run in the builds of child images, not here, so their RUNs are
        // not analysed; linting them would need the child Dockerfile's context.
        case "RUN" -> run(in, env, workdir, home);
        case "COPY", "ADD" -> copy(in, env, workdir);
        default -> new LayerEffects();
      };
    }

    private LayerEffects run(Instruction in, Map<String, String> env, String workdir,
        String home) {
      String script;
      if (in.execForm().isPresent()) {
        List<String> exec = in.execForm().get();
        int c = exec.indexOf("-c");
        script = c >= 0 && c + 1 < exec.size() ? exec.get(c + 1) : String.join(" ", exec);
      } else {
        script = in.arguments();
      }
      String first = script.strip().split("\\s+", 2)[0];
      if (!in.heredocs().isEmpty()
          && (first.startsWith("<<") || Set.of("sh", "bash", "/bin/sh", "/bin/bash")
          .contains(first))) {
        StringBuilder all = new StringBuilder();
        in.heredocs().forEach(h -> all.append(h.body()).append('\n'));
        script = all.toString();
      }
      LayerEffects effects = analyzer.analyze(script, env, workdir, home);
      in.flag("mount").ifPresent(mounts -> cacheMounts(mounts, env, workdir, effects));
      return effects;
    }

    private void cacheMounts(String mounts, Map<String, String> env, String workdir,
        LayerEffects effects) {
      for (String mount : mounts.split("\n")) {
        Map<String, String> options = new HashMap<>();
        for (String part : mount.split(",")) {
          int eq = part.indexOf('=');
          options.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "" : part.substring(eq + 1));
        }
        String target = options.getOrDefault("target", options.getOrDefault("dst",
            options.getOrDefault("destination", "")));
        if (!"cache".equals(options.get("type")) && !"tmpfs".equals(options.get("type"))
            || target.isEmpty()) {
          continue;
        }
        String path = LayerPaths.normalize(expand(target, env), workdir);
        if (LayerPaths.overlaps(path, "/var/lib/apt/lists")) {
          effects.cachesCleaned.add("apt-lists");
        }
        if (path.endsWith(".cache/pip") || path.endsWith("/.cache")) {
          effects.cachesCleaned.add("pip");
        }
        for (String cache : List.of("yum", "dnf", "apk")) {
          if (LayerPaths.isUnder(path, "/var/cache/" + cache)) {
            effects.cachesCleaned.add(cache);
          }
        }
        if (path.endsWith("/pkgs")) {
          effects.cachesCleaned.add("conda:" + path);
        }
        effects.created.removeIf(c -> LayerPaths.isUnder(c.path(), path));
      }
    }

    private LayerEffects copy(Instruction in, Map<String, String> env, String workdir) {
      LayerEffects effects = new LayerEffects();
      List<String> words = new ArrayList<>();
      if (in.execForm().isPresent()) {
        words.addAll(in.execForm().get());
      } else {
        try {
          for (VariableExpander.RawWord w : expander.split(in.arguments())) {
            words.add(w.text());
          }
        } catch (ExpansionException e) {
          return effects;
        }
      }
      if (words.size() < 2) {
        return effects;
      }
      String dest = LayerPaths.normalize(expand(words.get(words.size() - 1), env), workdir);
      effects.created.add(new LayerEffects.Created(dest, in.keyword()));
      for (String source : words.subList(0, words.size() - 1)) {
        String src = expand(source, env);
        if (in.keyword().equals("ADD") && src.contains("://")) {
          String file = dest.endsWith("/") || words.get(words.size() - 1).endsWith("/")
              ? dest + "/" + LayerPaths.basename(src.replaceAll("[?#].*$", "")) : dest;
          effects.downloads.add(new LayerEffects.Download(src, Optional.of(file)));
        }
      }
      return effects;
    }

    private void env(Step step, Map<String, String> env) {
      List<VariableExpander.RawWord> words;
      try {
        words = expander.split(step.instruction().arguments());
      } catch (ExpansionException e) {
        return;
      }
      Map<String, String> before = Map.copyOf(env);
      if (!words.isEmpty() && !words.get(0).text().contains("=")) {
        String rest = step.instruction().arguments().substring(
            words.size() > 1 ? words.get(1).offset() : step.instruction().arguments().length());
        set(step, env, before, words.get(0).text(), rest);
        return;
      }
      for (VariableExpander.RawWord w : words) {
        int eq = w.text().indexOf('=');
        if (eq > 0) {
          set(step, env, before, w.text().substring(0, eq), w.text().substring(eq + 1));
        }
      }
    }

    private void set(Step step, Map<String, String> env, Map<String, String> before,
        String name, String raw) {
      String value = expand(raw, before);
      assignments.add(new Assignment(step, name, Optional.ofNullable(env.get(name)), value));
      env.put(name, value);
    }

    private void args(Instruction in, Map<String, String> target, Map<String, String> globals) {
      List<VariableExpander.RawWord> words;
      try {
        words = expander.split(in.arguments());
      } catch (ExpansionException e) {
        return;
      }
      Map<String, String> before = Map.copyOf(target);
      for (VariableExpander.RawWord w : words) {
        int eq = w.text().indexOf('=');
        if (eq > 0) {
          target.put(w.text().substring(0, eq), expand(w.text().substring(eq + 1), before));
        } else if (globals.containsKey(w.text())) {
          target.put(w.text(), globals.get(w.text()));
        }
      }
    }

    private String expand(String raw, Map<String, String> env) {
      try {
        return expander.expand(raw, env);
      } catch (ExpansionException e) {
        return raw;
      }
    }
  }
}
