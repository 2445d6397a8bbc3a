package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SG103 (system package lists and caches), SG104 (pip cache) and SG105 (conda package cache):
 * a cache written by a RUN and not removed in that same RUN stays in its layer.
 */
final class CacheRule implements Rule {

  private static final Map<String, String> SYSTEM_PATHS = Map.of("apt-lists",
      "/var/lib/apt/lists", "yum", "/var/cache/yum", "dnf", "/var/cache/dnf", "apk",
      "/var/cache/apk");
  private static final Map<String, String> SYSTEM_FIX = Map.of(
      "apt-lists", "end this RUN with '&& rm -rf /var/lib/apt/lists/*'",
      "yum", "end this RUN with '&& yum clean all && rm -rf /var/cache/yum'",
      "dnf", "end this RUN with '&& dnf clean all'",
      "apk", "use 'apk add --no-cache'");

  private final String id;

  CacheRule(String id) {
    this.id = id;
  }

  @Override
  public RuleInfo info() {
    return switch (id) {
      case "SG103" -> new RuleInfo(id, "package-lists-kept", Level.WARNING,
          "Package lists or caches of apt, yum/dnf or apk are left in the layer",
          "apt-get update writes tens of megabytes of package lists; yum, dnf and apk keep"
              + " downloaded packages. Remove them at the end of the same RUN.");
      case "SG104" -> new RuleInfo(id, "pip-cache-kept", Level.WARNING,
          "pip install leaves its download cache in the layer",
          "pip caches every wheel it downloads under ~/.cache/pip. Use --no-cache-dir, set"
              + " PIP_NO_CACHE_DIR=1, or use a cache mount.");
      default -> new RuleInfo(id, "conda-cache-kept", Level.WARNING,
          "A conda install leaves its package cache (pkgs/) in the layer",
          "conda, mamba and conda-based installers such as FSL's keep every package tarball"
              + " and its extracted copy in pkgs/. Run 'conda clean -afy' or remove pkgs/ in the"
              + " same RUN.");
    };
  }

  @Override
  public List<Issue> check(LintContext context) {
    List<Issue> issues = new ArrayList<>();
    for (BuildModel.Step step : context.model().shippedSteps()) {
      LayerEffects e = step.effects();
      List<String> written = new ArrayList<>(e.cachesWritten);
      String pipCache = context.model().home() + "/.cache/pip";
      if (!written.contains("pip") && e.created.stream()
          .anyMatch(c -> LayerPaths.isUnder(c.path(), pipCache) || c.path().equals(pipCache))) {
        // files put into pip's cache by hand (mkdir, mv, cp) weigh the same as pip's own
        written.add("pip-by-hand");
      }
      for (String cache : written) {
        if (!belongs(cache) || e.cachesCleaned.contains(cache)) {
          continue;
        }
        String path = path(cache, context.model().home());
        if (path != null && e.deletes(path)) {
          continue;
        }
        issues.add(issue(step, cache, path));
      }
    }
    return issues;
  }

  private boolean belongs(String cache) {
    return switch (id) {
      case "SG103" -> SYSTEM_PATHS.containsKey(cache);
      case "SG104" -> cache.startsWith("pip");
      default -> cache.startsWith("conda:");
    };
  }

  private static String path(String cache, String home) {
    if (cache.startsWith("pip")) {
      return home + "/.cache/pip";
    }
    if (cache.startsWith("conda:")) {
      return cache.substring("conda:".length());
    }
    return SYSTEM_PATHS.get(cache);
  }

  private Issue issue(BuildModel.Step step, String cache, String path) {
    return switch (id) {
      case "SG103" -> new Issue(id, step.instruction(), cache,
          (cache.equals("apt-lists") ? "apt package lists" : cache + " package cache")
              + " left in the layer (" + path + ")",
          SYSTEM_FIX.get(cache), List.of(path), List.of());
      case "SG104" -> cache.equals("pip")
          ? new Issue(id, step.instruction(), cache,
              "pip install keeps its download cache in the layer (" + path + ")",
              "add --no-cache-dir to pip install (or set ENV PIP_NO_CACHE_DIR=1)",
              List.of(path), List.of())
          : new Issue(id, step.instruction(), "pip",
              "files put into pip's cache stay in the layer (" + path + ")",
              "do not keep downloads in " + path + ", or end this RUN with '&& rm -rf " + path
                  + "'", List.of(path), List.of());
      default -> new Issue(id, step.instruction(), cache,
          "conda package cache left in the layer (" + path + ")",
          "end this RUN with 'conda clean -afy' or '&& rm -rf " + path + "'", List.of(path),
          List.of());
    };
  }
}
