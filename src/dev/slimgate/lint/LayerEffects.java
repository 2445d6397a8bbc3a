package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one instruction does to the image filesystem, as far as the linter can tell from its
 * text. Paths are normalised and may hold unknown variables such as ${HOME}.
 */
final class LayerEffects {

  /** A path the instruction fills with content. */
  record Created(String path, String how) {}

  /**
   * A deletion: a whole path (rm) or, for find, the entries below {@code path} whose names are
   * in {@code names} (all when empty) and not in {@code excluded}.
   */
  record Deletion(String path, boolean wholeTree, Set<String> names, Set<String> excluded) {

    boolean covers(String target) {
      if (wholeTree) {
        return LayerPaths.globMatches(path, target);
      }
      if (!LayerPaths.isUnder(target, path) || target.equals(path)) {
        return false;
      }
      String below = target.substring(path.length() + (path.equals("/") ? 0 : 1));
      String first = below.contains("/") ? below.substring(0, below.indexOf('/')) : below;
      String base = LayerPaths.basename(target);
      boolean named = names.isEmpty() || names.stream()
          .anyMatch(n -> LayerPaths.globMatches(n, base) || LayerPaths.globMatches(n, first));
      boolean spared = excluded.stream()
          .anyMatch(n -> LayerPaths.globMatches(n, first) || LayerPaths.globMatches(n, base));
      return named && !spared;
    }
  }

  /** Packages installed by one package manager call. */
  record Install(String manager, List<String> packages, Optional<String> virtualName) {}

  /** A download; {@code file} is empty when the data went to a pipe. */
  record Download(String url, Optional<String> file) {}

  /**
   * Unpacking of an archive (or of a download streamed through a pipe) into a directory, by
   * {@code tool}: "tar", "unzip" or "installer".
   */
  record Extraction(String tool, String source, String destination, List<String> excludes) {}

  /** A git clone into {@code destination}. */
  record Clone(String url, String destination) {}

  /** A recursive chmod, chown, chgrp or fix-permissions. */
  record Permission(String command, String target) {}

  final List<Created> created = new ArrayList<>();
  final List<Deletion> deletions = new ArrayList<>();
  final List<Install> installs = new ArrayList<>();
  final Set<String> purged = new LinkedHashSet<>();
  final List<Download> downloads = new ArrayList<>();
  final List<Extraction> extractions = new ArrayList<>();
  final List<Clone> clones = new ArrayList<>();
  final List<Permission> permissions = new ArrayList<>();
  /** Caches written: "apt-lists", "yum", "dnf", "apk", "pip", or "conda:" + package dir. */
  final Set<String> cachesWritten = new LinkedHashSet<>();
  /** Caches the instruction itself cleans or keeps out of the layer. */
  final Set<String> cachesCleaned = new LinkedHashSet<>();
  boolean autoremove;

  /** True when this instruction deletes {@code path} (or everything in it). */
  boolean deletes(String path) {
    return deletions.stream().anyMatch(d -> d.covers(path));
  }

  /** True when this instruction creates {@code path}, a parent of it or something inside it. */
  boolean touches(String path) {
    return created.stream().anyMatch(c -> LayerPaths.overlaps(c.path(), path));
  }
}
