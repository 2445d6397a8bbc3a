package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a RUN script and records its {@link LayerEffects}: package installs and purges, caches,
 * downloads, archives, clones, deletions and recursive permission changes.
 */
final class RunAnalyzer {

  private static final java.util.regex.Pattern BARE_VARIABLE =
      java.util.regex.Pattern.compile("\\$(\\{[A-Za-z_][A-Za-z0-9_]*}|[A-Za-z_][A-Za-z0-9_]*)");

  private static final Pattern ARCHIVE = Pattern.compile(
      "(?i).*(\\.tar|\\.tar\\.gz|\\.tgz|\\.tar\\.bz2|\\.tbz2?|\\.tar\\.xz|\\.txz|\\.tar\\.zst"
          + "|\\.zip|\\.gz|\\.bz2|\\.xz|\\.zst|\\.7z|\\.deb|\\.rpm|\\.whl|\\.run"
          + "|(miniconda|miniforge|mambaforge|anaconda|micromamba)[^/]*\\.sh)$");
  private static final Set<String> APT = Set.of("apt-get", "apt", "aptitude");
  private static final Set<String> RPM = Set.of("yum", "dnf", "microdnf", "tdnf");
  private static final Set<String> CONDA = Set.of("conda", "mamba", "micromamba");
  private static final Set<String> PIP_VALUE_OPTIONS = Set.of("-r", "--requirement", "-c",
      "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f",
      "--find-links", "-t", "--target", "--prefix", "--root", "--upgrade-strategy", "--platform",
      "--python-version", "--only-binary", "--no-binary", "--trusted-host", "--progress-bar",
      "--cache-dir", "--src", "--implementation", "--abi", "--log", "--timeout", "--retries",
      "--proxy", "--config-settings", "-C", "--global-option", "--python");
  private static final Set<String> CONDA_VALUE_OPTIONS = Set.of("-c", "--channel", "-n",
      "--name", "-p", "--prefix", "-f", "--file", "--override-channels-file", "--repodata-fn");
  private static final Set<String> GIT_VALUE_OPTIONS = Set.of("-b", "--branch", "--depth", "-o",
      "--origin", "-c", "--config", "-j", "--jobs", "--reference", "--shallow-since",
      "--shallow-exclude", "--template", "-u", "--upload-pack", "--filter", "--separate-git-dir");

  private final VariableExpander expander = new VariableExpander('\\');
  private final ShellParser parser = new ShellParser();

  /**
   * Analyses one script.
   *
   * @param script the shell text
   * @param env variables visible to the script (ENV and ARG)
   * @param workdir the working directory the script starts in
   * @param home what ${HOME} stands for, or "${HOME}" when unknown
   */
  LayerEffects analyze(String script, Map<String, String> env, String workdir, String home) {
    // TODO: subshells, functions, loops and conditionals are read as one flat list of commands
    // (a cd inside "( ... )" leaks out, both branches of an if count). Real Dockerfiles rarely
    // need more; a full shell grammar would, and is not written yet.
    LayerEffects effects = new LayerEffects();
    Map<String, String> vars = new HashMap<>(env);
    String cwd = workdir;
    List<ShellCommand> commands = parser.parse(script);
    Optional<String> pipedUrl = Optional.empty();
    for (ShellCommand command : commands) {
      List<String> words = new ArrayList<>();
      for (String raw : command.words()) {
        String word = expand(raw, vars);
        if (BARE_VARIABLE.matcher(raw).matches()) {
          // an unquoted $packages is split into words by the shell, as in apt-get install $pkgs
          for (String part : word.trim().split("\\s+")) {
            if (!part.isEmpty()) {
              words.add(part);
            }
          }
        } else {
          words.add(word);
        }
      }
      List<String> argv = strip(words, vars);
      if (argv.isEmpty()) {
        continue;
      }
      String program = LayerPaths.basename(argv.get(0));
      final String here = cwd;
      List<String> args = argv.subList(1, argv.size());
      Optional<String> stdout = command.redirects().stream()
          .filter(r -> r.operator().startsWith(">") || r.operator().equals("&>"))
          .map(r -> LayerPaths.normalize(expand(r.target(), vars), here)).findFirst();
      if (!command.readsPipe()) {
        pipedUrl = Optional.empty();
      }
      switch (program) {
        case "cd" -> cwd = args.isEmpty() ? home : LayerPaths.normalize(args.get(0), cwd);
        case "export" -> assign(args, vars);
        case "curl", "wget" -> pipedUrl = download(program, args, cwd, stdout, command, effects);
        case "tar", "bsdtar" -> tar(args, cwd, pipedUrl, effects);
        case "unzip" -> unzip(args, cwd, effects);
        case "git" -> git(args, cwd, effects);
        case "rm" -> rm(args, cwd, effects);
        case "find" -> find(args, cwd, effects);
        case "chmod", "chown", "chgrp" -> permission(program, args, cwd, effects);
        case "fix-permissions" -> args.forEach(a -> effects.permissions.add(
            new LayerEffects.Permission(program, LayerPaths.normalize(a, here))));
        case "mv", "cp", "ln" -> copyLike(program, args, cwd, effects);
        case "mkdir" -> args.stream().filter(a -> !a.startsWith("-")).forEach(a -> effects
            .created.add(new LayerEffects.Created(LayerPaths.normalize(a, here), "mkdir")));
        case "pip", "pip3" -> pip(args, vars, home, effects);
        default -> other(program, args, vars, cwd, home, effects);
      }
      if (program.matches("pip\\d(\\.\\d+)?")) {
        pip(args, vars, home, effects);
      }
    }
    return effects;
  }

  private String expand(String raw, Map<String, String> vars) {
    try {
      return expander.expand(raw, vars);
    } catch (ExpansionException e) {
      return raw;
    }
  }

  /** Drops leading assignments and wrappers such as sudo and env; records the assignments. */
  private List<String> strip(List<String> words, Map<String, String> vars) {
    int i = 0;
    Map<String, String> inline = new HashMap<>();
    while (i < words.size()) {
      String w = words.get(i);
      if (w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
        inline.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
        i++;
      } else if (Set.of("sudo", "env", "nice", "nohup", "command", "exec", "time")
          .contains(w)) {
        i++;
        while (i < words.size() && words.get(i).startsWith("-")) {
          boolean takesValue = words.get(i).equals("-u") || words.get(i).equals("-g");
          i += takesValue ? 2 : 1;
        }
      } else {
        break;
      }
    }
    if (i == words.size()) {
      vars.putAll(inline);
      return List.of();
    }
    if (inline.containsKey("PIP_NO_CACHE_DIR")) {
      vars.put("PIP_NO_CACHE_DIR", inline.get("PIP_NO_CACHE_DIR"));
    }
    return words.subList(i, words.size());
  }

  private void assign(List<String> args, Map<String, String> vars) {
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq > 0) {
        vars.put(a.substring(0, eq), a.substring(eq + 1));
      }
    }
  }

  private Optional<String> download(String program, List<String> args, String cwd,
      Optional<String> stdout, ShellCommand command, LayerEffects effects) {
    String url = null;
    String output = null;
    boolean remoteName = false;
    String prefix = cwd;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.contains("://") && url == null) {
        url = a;
      } else if (program.equals("curl")) {
        if (a.equals("-o") || a.equals("--output")) {
          output = i + 1 < args.size() ? args.get(++i) : null;
        } else if (a.matches("-[a-zA-Z]*o") && i + 1 < args.size()) {
          output = args.get(++i);
        } else if (a.matches("-[a-zA-Z]*O[a-zA-Z]*") || a.equals("--remote-name")) {
          remoteName = true;
        }
      } else {
        if (a.startsWith("--output-document=")) {
          output = a.substring("--output-document=".length());
        } else if (a.equals("-O") || a.equals("--output-document")) {
          output = i + 1 < args.size() ? args.get(++i) : null;
        } else if (a.matches("-[a-zA-Z]*O.*") && !a.startsWith("--")) {
          String attached = a.substring(a.indexOf('O') + 1);
          output = attached.isEmpty() ? (i + 1 < args.size() ? args.get(++i) : null) : attached;
        } else if (a.equals("-P") || a.equals("--directory-prefix")) {
          prefix = i + 1 < args.size() ? LayerPaths.normalize(args.get(++i), cwd) : prefix;
        }
      }
    }
    if (url == null) {
      return Optional.empty();
    }
    if (program.equals("wget") && output == null) {
      remoteName = true;
    }
    String file = null;
    if (output != null && !output.equals("-")) {
      file = LayerPaths.normalize(output, cwd);
    } else if (output == null && remoteName) {
      String name = LayerPaths.basename(url.replaceAll("[?#].*$", ""));
      file = LayerPaths.normalize(name, prefix);
    } else if (stdout.isPresent()) {
      file = stdout.get();
    }
    if (file == null && !command.writesPipe()) {
      return Optional.empty();
    }
    effects.downloads.add(new LayerEffects.Download(url, Optional.ofNullable(file)));
    if (file != null) {
      effects.created.add(new LayerEffects.Created(file, "download"));
      return Optional.empty();
    }
    return Optional.of(url);
  }

  private void tar(List<String> args, String cwd, Optional<String> pipedUrl,
      LayerEffects effects) {
    boolean extract = false;
    String file = null;
    String dest = cwd;
    List<String> excludes = new ArrayList<>();
    boolean fileNext = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (fileNext) {
        file = a;
        fileNext = false;
      } else if (a.equals("-C") || a.equals("--directory")) {
        dest = i + 1 < args.size() ? LayerPaths.normalize(args.get(++i), cwd) : dest;
      } else if (a.startsWith("--directory=")) {
        dest = LayerPaths.normalize(a.substring("--directory=".length()), cwd);
      } else if (a.startsWith("--exclude=")) {
        excludes.add(a.substring("--exclude=".length()));
      } else if (a.equals("--exclude")) {
        excludes.add(i + 1 < args.size() ? args.get(++i) : "");
      } else if (a.equals("--extract") || a.equals("--get")) {
        extract = true;
      } else if (a.startsWith("--file=")) {
        file = a.substring("--file=".length());
      } else if (a.equals("--file")) {
        fileNext = true;
      } else if ((i == 0 && a.matches("[a-zA-Z]+")) || a.matches("-[a-zA-Z]+")) {
        extract |= a.contains("x");
        if (a.contains("f")) {
          String attached = a.substring(a.indexOf('f') + 1);
          if (!attached.isEmpty() && !attached.matches("[a-zA-Z]*")) {
            file = attached;
          } else {
            fileNext = true;
          }
        }
      }
    }
    if (!extract) {
      return;
    }
    String source = file == null || file.equals("-") ? pipedUrl.orElse("-")
        : LayerPaths.normalize(file, cwd);
    effects.extractions.add(new LayerEffects.Extraction("tar", source, dest,
        List.copyOf(excludes)));
    effects.created.add(new LayerEffects.Created(dest, "extract"));
  }

  private void unzip(List<String> args, String cwd, LayerEffects effects) {
    String archive = null;
    String dest = cwd;
    List<String> excludes = new ArrayList<>();
    boolean inExcludes = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-d")) {
        dest = i + 1 < args.size() ? LayerPaths.normalize(args.get(++i), cwd) : dest;
        inExcludes = false;
      } else if (a.equals("-x")) {
        inExcludes = true;
      } else if (a.startsWith("-")) {
        inExcludes = false;
      } else if (inExcludes) {
        excludes.add(a);
      } else if (archive == null) {
        archive = LayerPaths.normalize(a, cwd);
      }
    }
    if (archive != null) {
      effects.extractions.add(new LayerEffects.Extraction("unzip", archive, dest,
          List.copyOf(excludes)));
      effects.created.add(new LayerEffects.Created(dest, "extract"));
    }
  }

  private void git(List<String> args, String cwd, LayerEffects effects) {
    int clone = args.indexOf("clone");
    if (clone < 0) {
      return;
    }
    List<String> positional = new ArrayList<>();
    for (int i = clone + 1; i < args.size(); i++) {
      String a = args.get(i);
      if (GIT_VALUE_OPTIONS.contains(a)) {
        i++;
      } else if (!a.startsWith("-")) {
        positional.add(a);
      }
    }
    if (positional.isEmpty()) {
      return;
    }
    String url = positional.get(0);
    String name = positional.size() > 1 ? positional.get(1)
        : LayerPaths.basename(url).replaceFirst("\\.git$", "");
    String dest = LayerPaths.normalize(name, cwd);
    effects.clones.add(new LayerEffects.Clone(url, dest));
    effects.created.add(new LayerEffects.Created(dest, "clone"));
  }

  private void rm(List<String> args, String cwd, LayerEffects effects) {
    boolean options = true;
    for (String a : args) {
      if (options && a.equals("--")) {
        options = false;
      } else if (options && a.startsWith("-")) {
        continue;
      } else {
        String path = LayerPaths.normalize(a, cwd);
        if (path.endsWith("/*")) {
          path = path.substring(0, path.length() - 2);
        }
        effects.deletions.add(new LayerEffects.Deletion(path, true, Set.of(), Set.of()));
      }
    }
  }

  /**
   * {@code find DIR ... -delete} or {@code -exec rm}: entries below DIR named by -name (all
   * when none) and not excluded by {@code ! -name}. TODO: -path, -type and -maxdepth are not
   * read, so a find deleting only files counts as deleting directories too.
   */
  private void find(List<String> args, String cwd, LayerEffects effects) {
    boolean deletes = args.contains("-delete") || (args.contains("-exec")
        && args.indexOf("-exec") + 1 < args.size()
        && LayerPaths.basename(args.get(args.indexOf("-exec") + 1)).equals("rm"));
    if (!deletes || args.isEmpty() || args.get(0).startsWith("-")) {
      return;
    }
    Set<String> names = new HashSet<>();
    Set<String> excluded = new HashSet<>();
    for (int i = 1; i + 1 < args.size(); i++) {
      if (args.get(i).equals("-name") || args.get(i).equals("-iname")) {
        boolean negated = args.get(i - 1).equals("!") || args.get(i - 1).equals("-not");
        (negated ? excluded : names).add(args.get(i + 1));
      }
    }
    for (String start : args) {
      if (start.startsWith("-") || start.equals("!") || start.equals("(")) {
        break;
      }
      effects.deletions.add(new LayerEffects.Deletion(LayerPaths.normalize(start, cwd), false,
          Set.copyOf(names), Set.copyOf(excluded)));
    }
  }

  private void permission(String program, List<String> args, String cwd, LayerEffects effects) {
    boolean recursive = args.stream().anyMatch(a -> a.equals("--recursive")
        || (a.matches("-[a-zA-Z]+") && a.contains("R")));
    if (!recursive) {
      return;
    }
    boolean first = true;
    for (String a : args) {
      if (a.startsWith("-")) {
        continue;
      }
      if (first) {
        first = false;
        continue;
      }
      effects.permissions.add(new LayerEffects.Permission(program + " -R",
          LayerPaths.normalize(a, cwd)));
    }
  }

  private void copyLike(String program, List<String> args, String cwd, LayerEffects effects) {
    List<String> paths = args.stream().filter(a -> !a.startsWith("-")).toList();
    if (paths.size() < 2) {
      return;
    }
    effects.created.add(new LayerEffects.Created(
        LayerPaths.normalize(paths.get(paths.size() - 1), cwd), program));
    if (program.equals("mv")) {
      for (String source : paths.subList(0, paths.size() - 1)) {
        effects.deletions.add(new LayerEffects.Deletion(LayerPaths.normalize(source, cwd), true,
            Set.of(), Set.of()));
      }
    }
  }

  private void other(String program, List<String> args, Map<String, String> vars, String cwd,
      String home, LayerEffects effects) {
    if (APT.contains(program)) {
      apt(args, effects);
    } else if (RPM.contains(program)) {
      rpm(program, args, effects);
    } else if (program.equals("apk")) {
      apk(args, effects);
    } else if (CONDA.contains(program)) {
      conda(program, args, vars, effects);
    } else if (program.equals("apt-mark") && !args.isEmpty() && args.get(0).equals("auto")) {
      effects.purged.addAll(args.subList(1, args.size()));
    } else if (program.matches("python[0-9.]*") && args.size() >= 2 && args.get(0).equals("-m")
        && args.get(1).equals("pip")) {
      pip(args.subList(2, args.size()), vars, home, effects);
    } else if (program.matches("python[0-9.]*") && !args.isEmpty()
        && LayerPaths.basename(args.get(0)).equals("fslinstaller.py")) {
      installer(args, cwd, effects);
    } else if ((program.equals("bash") || program.equals("sh")) && !args.isEmpty()
        && ARCHIVE.matcher(args.get(0)).matches()) {
      installer(args, cwd, effects);
    } else if (program.equals("uv") && !args.isEmpty() && args.get(0).equals("pip")) {
      pip(args.subList(1, args.size()), vars, home, effects);
    }
  }

  private void apt(List<String> args, LayerEffects effects) {
    List<String> positional = positional(args, Set.of("-o", "-t", "-c", "--target-release"));
    if (positional.isEmpty()) {
      return;
    }
    String verb = positional.get(0);
    List<String> rest = positional.subList(1, positional.size());
    switch (verb) {
      case "update" -> {
        effects.cachesWritten.add("apt-lists");
        effects.created.add(new LayerEffects.Created("/var/lib/apt/lists", "apt-get update"));
      }
      case "install" -> effects.installs.add(new LayerEffects.Install("apt",
          rest.stream().map(p -> p.replaceFirst("[=/].*$", "")).toList(), Optional.empty()));
      case "purge", "remove" -> {
        effects.purged.addAll(rest);
        effects.autoremove |= args.contains("--auto-remove") || args.contains("--autoremove");
      }
      case "autoremove" -> effects.autoremove = true;
      default -> {
        // clean, upgrade and the like leave nothing the rules look at.
      }
    }
  }

  private void rpm(String program, List<String> args, LayerEffects effects) {
    String cache = program.equals("yum") ? "yum" : "dnf";
    List<String> positional = positional(args, Set.of("--setopt", "--enablerepo",
        "--disablerepo", "--installroot", "--releasever"));
    if (positional.isEmpty()) {
      return;
    }
    String verb = positional.get(0);
    if (verb.equals("install") || verb.equals("groupinstall")) {
      effects.cachesWritten.add(cache);
      effects.installs.add(new LayerEffects.Install(cache,
          positional.subList(1, positional.size()), Optional.empty()));
    } else if (verb.equals("remove") || verb.equals("erase")) {
      effects.purged.addAll(positional.subList(1, positional.size()));
    } else if (verb.equals("clean") && positional.contains("all")) {
      effects.cachesCleaned.add(cache);
    }
  }

  private void apk(List<String> args, LayerEffects effects) {
    List<String> positional = positional(args, Set.of("-t", "--virtual", "-X", "--repository"));
    if (positional.isEmpty()) {
      return;
    }
    String verb = positional.get(0);
    if (verb.equals("add")) {
      if (args.contains("--no-cache")) {
        effects.cachesCleaned.add("apk");
      } else {
        effects.cachesWritten.add("apk");
      }
      Optional<String> virtual = Optional.empty();
      int v = Math.max(args.indexOf("-t"), args.indexOf("--virtual"));
      if (v >= 0 && v + 1 < args.size()) {
        virtual = Optional.of(args.get(v + 1));
      }
      effects.installs.add(new LayerEffects.Install("apk",
          positional.subList(1, positional.size()), virtual));
    } else if (verb.equals("update")) {
      if (!args.contains("--no-cache")) {
        effects.cachesWritten.add("apk");
      }
    } else if (verb.equals("del")) {
      effects.purged.addAll(positional.subList(1, positional.size()));
    } else if (verb.equals("cache") && positional.contains("clean")) {
      effects.cachesCleaned.add("apk");
    }
  }

  private void pip(List<String> args, Map<String, String> vars, String home,
      LayerEffects effects) {
    boolean noCache = args.stream().anyMatch(a -> a.length() >= "--no-c".length()
        && "--no-cache-dir".startsWith(a)) || truthy(vars.get("PIP_NO_CACHE_DIR"));
    List<String> positional = positional(args, PIP_VALUE_OPTIONS);
    if (positional.isEmpty()) {
      return;
    }
    if (positional.get(0).equals("cache") && positional.contains("purge")) {
      effects.cachesCleaned.add("pip");
      return;
    }
    if (!positional.get(0).equals("install")) {
      return;
    }
    List<String> packages = positional.subList(1, positional.size()).stream()
        .filter(p -> !p.contains("://") && !p.startsWith(".") && !p.startsWith("/"))
        .map(p -> p.replaceFirst("^([A-Za-z0-9._-]+).*$", "$1")).toList();
    effects.installs.add(new LayerEffects.Install("pip", packages, Optional.empty()));
    if (noCache) {
      effects.cachesCleaned.add("pip");
    } else {
      effects.cachesWritten.add("pip");
      effects.created.add(new LayerEffects.Created(home + "/.cache/pip", "pip install"));
    }
  }

  private void conda(String program, List<String> args, Map<String, String> vars,
      LayerEffects effects) {
    List<String> positional = positional(args, CONDA_VALUE_OPTIONS);
    if (positional.isEmpty()) {
      return;
    }
    String root = vars.getOrDefault(program.equals("micromamba") ? "MAMBA_ROOT_PREFIX"
        : "CONDA_DIR", vars.getOrDefault("CONDA_DIR", "/opt/conda"));
    String cache = "conda:" + root + "/pkgs";
    String verb = positional.get(0);
    if (verb.equals("env") && positional.size() > 1) {
      verb = "env-" + positional.get(1);
    }
    switch (verb) {
      case "install", "create", "update", "env-create", "env-update" -> {
        effects.cachesWritten.add(cache);
        effects.created.add(new LayerEffects.Created(root + "/pkgs", program + " " + verb));
        List<String> names = positional.subList(verb.startsWith("env") ? 2 : 1,
            positional.size()).stream()
            .map(p -> p.replaceFirst("^.*::", "").replaceFirst("[=<>!~ ].*$", "")).toList();
        effects.installs.add(new LayerEffects.Install("conda", names, Optional.empty()));
      }
      case "clean" -> {
        boolean all = args.stream().anyMatch(a -> a.equals("--all") || a.equals("--tarballs")
            || a.equals("--packages") || (a.matches("-[a-zA-Z]+") && a.matches(".*[atp].*")));
        if (all) {
          effects.cachesCleaned.add(cache);
        }
      }
      case "remove", "uninstall" -> effects.purged.addAll(
          positional.subList(1, positional.size()));
      default -> {
        // info, config, run: nothing cached.
      }
    }
  }

  /** A conda-based installer (FSL's fslinstaller.py, Miniconda): its -d/-p directory. */
  private void installer(List<String> args, String cwd, LayerEffects effects) {
    String dest = null;
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals("-d") || args.get(i).equals("-p")) {
        dest = LayerPaths.normalize(args.get(i + 1), cwd);
      }
    }
    if (dest == null) {
      return;
    }
    effects.cachesWritten.add("conda:" + dest + "/pkgs");
    effects.created.add(new LayerEffects.Created(dest, "installer " + args.get(0)));
    effects.extractions.add(new LayerEffects.Extraction("installer",
        LayerPaths.normalize(args.get(0), cwd), dest, List.of()));
  }

  private static List<String> positional(List<String> args, Set<String> valueOptions) {
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (valueOptions.contains(a)) {
        i++;
      } else if (!a.startsWith("-")) {
        positional.add(a);
      }
    }
    return positional;
  }

  private static boolean truthy(String value) {
    // pip turns its cache off for any non-empty PIP_NO_CACHE_DIR, even "0" or "false": its
    // option callback ignores the value (a long-standing pip quirk).
    return value != null && !value.isEmpty();
  }
}
