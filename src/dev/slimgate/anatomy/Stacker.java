package dev.slimgate.anatomy;

import dev.slimgate.anatomy.Anatomy.ComponentSize;
import dev.slimgate.anatomy.Anatomy.DirSize;
import dev.slimgate.anatomy.Anatomy.Duplicate;
import dev.slimgate.anatomy.Anatomy.FileSize;
import dev.slimgate.anatomy.Anatomy.LayerStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Applies layer summaries in order to one tree, the way an overlay filesystem stacks them, and
 * measures what each layer added, hid and deleted. Memory grows with the number of paths, not
 * with bytes: entries stream from the summary files.
 */
public final class Stacker {

  private static final int TREE_DEPTH = 3;
  private static final int TREE_CHILDREN = 8;
  private static final int TOP = 25;

  private final Map<String, List<String>> components;

  private FsNode root;
  private long effCum;
  private long effMinSum;

  /** @param components plan component name to its absolute paths; may be empty */
  public Stacker(Map<String, List<String>> components) {
    this.components = components;
  }

  public Analysis stack(LoadedImage image) {
    root = new FsNode("", null, EntryType.DIR, 0);
    effCum = 0;
    effMinSum = 0;
    List<LayerStats> layers = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Map<String, List<FoundPackage>> packagesBySource = new LinkedHashMap<>();
    long stored = 0;
    for (int i = 0; i < image.layers().size(); i++) {
      LoadedImage.Layer layer = image.layers().get(i);
      Counts c = new Counts();
      try (LayerSummaryFile.Reader r = new LayerSummaryFile.Reader(layer.summary())) {
        LayerEntry e;
        while ((e = r.next()) != null) {
          apply(e, i + 1, c);
        }
        findings.addAll(r.findings());
        // a metadata file rewritten by this layer replaces what earlier layers said
        Map<String, List<FoundPackage>> fresh = new LinkedHashMap<>();
        for (FoundPackage p : r.packages()) {
          fresh.computeIfAbsent(p.record().source(), k -> new ArrayList<>()).add(p);
        }
        packagesBySource.putAll(fresh);
      } catch (IOException e) {
        throw new UncheckedIOException("reading layer summary " + layer.summary(), e);
      }
      stored += c.stored;
      layers.add(new LayerStats(i + 1, layer.digest(), layer.createdBy(), c.entries, c.stored,
          c.added, c.replacing, c.hidden, c.deleted, c.metaBytes, c.metaFiles));
    }
    finish();
    FileTree tree = new FileTree(root);
    double efficiency = effCum == 0 ? 1.0 : (double) effMinSum / effCum;
    List<Duplicate> dupTrees = new ArrayList<>();
    Set<FsNode> dupTreeMembers = Collections.newSetFromMap(new IdentityHashMap<>());
    duplicateTrees(dupTrees, dupTreeMembers);
    long[] dupFileBytes = new long[1];
    List<Duplicate> dupFiles = duplicateFiles(dupTreeMembers, dupFileBytes);
    Anatomy anatomy = new Anatomy(image.name(), stored, root.total, root.files,
        stored - root.total, efficiency, layers, dirTree(), largestFiles(), dupTrees, dupFiles,
        dupFileBytes[0], componentSizes(tree), packages(tree, packagesBySource), findings,
        image.layerBytesRead());
    return new Analysis(anatomy, tree);
  }

  private static final class Counts {
    long entries;
    long stored;
    long added;
    long replacing;
    long hidden;
    long deleted;
    long metaBytes;
    long metaFiles;
  }

  // ---- applying entries ----

  private void apply(LayerEntry e, int layer, Counts c) {
    c.entries++;
    if (e.type() == EntryType.FILE) {
      c.stored += e.size();
    }
    switch (e.type()) {
      case WHITEOUT -> whiteout(e.path(), c);
      case OPAQUE -> opaque(e.path(), layer, c);
      case DIR -> directory(e.path(), layer, c);
      default -> leaf(e, layer, c);
    }
  }

  private FsNode parentOf(String path, int layer, Counts c) {
    FsNode n = root;
    int start = 0;
    int slash;
    while ((slash = path.indexOf('/', start)) >= 0) {
      n = dirChild(n, path.substring(start, slash), layer, c);
      start = slash + 1;
    }
    return n;
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The visible directory {@code name} under {@code dir}, made one if needed. */
  private FsNode dirChild(FsNode dir, String name, int layer, Counts c) {
    FsNode n = dir.child(name);
    if (n == null) {
      return dir.addChild(name, EntryType.DIR, layer);
    }
    if (!n.visible) {
      n.visible = true;
      n.type = EntryType.DIR;
      n.layer = layer;
      n.size = 0;
      n.link = null;
    } else if (!n.isDir()) {
      c.hidden += n.ownBytes();
      n.type = EntryType.DIR;
      n.layer = layer;
      n.size = 0;
      n.link = null;
    }
    return n;
  }

  private void directory(String path, int layer, Counts c) {
    FsNode parent = parentOf(path, layer, c);
    dirChild(parent, baseName(path), layer, c);
  }

  private void leaf(LayerEntry e, int layer, Counts c) {
    FsNode parent = parentOf(e.path(), layer, c);
    String name = baseName(e.path());
    FsNode n = parent.child(name);
    long size = e.type() == EntryType.FILE ? e.size() : 0;
    long hi = e.hashHi();
    long lo = e.hashLo();
    if (e.type() == EntryType.HARDLINK) {
      FsNode target = findVisible(e.link());
      if (target != null) {
        size = target.size;
        hi = target.hashHi;
        lo = target.hashLo;
      }
    }
    if (n != null && n.visible) {
      long before = n.isDir() ? hideChildren(n, Integer.MAX_VALUE) : n.ownBytes();
      c.hidden += before;
      if (e.type() == EntryType.FILE) {
        c.replacing += e.size();
        if (n.type == EntryType.FILE && n.hashHi == hi && n.hashLo == lo && n.size == size) {
          c.metaBytes += size;
          c.metaFiles++;
        }
      }
    } else {
      if (e.type() == EntryType.FILE) {
        c.added += e.size();
      }
    }
    if (n == null) {
      n = parent.addChild(name, e.type(), layer);
    }
    n.visible = true;
    n.type = e.type();
    n.layer = layer;
    n.size = size;
    n.hashHi = hi;
    n.hashLo = lo;
    n.link = e.link();
    n.counted = true;
    occurrence(n, e.type() == EntryType.FILE ? e.size() : 0);
  }

  private void whiteout(String path, Counts c) {
    FsNode n = findVisible(path);
    if (n == null) {
      return;
    }
    long bytes = n.isDir() ? hideChildren(n, Integer.MAX_VALUE) : n.ownBytes();
    n.visible = false;
    c.deleted += bytes;
    // dive: a whiteout scores as the size of the directory it removes, or 0 for a file
    occurrence(n, n.isDir() ? bytes : 0);
  }

  private void opaque(String path, int layer, Counts c) {
    FsNode n = path.isEmpty() ? root : findVisible(path);
    if (n == null || !n.isDir()) {
      return;
    }
    // the marker may come after this layer's own new children in the tar: spare them
    long bytes = hideChildren(n, layer);
    c.deleted += bytes;
    if (n != root) {
      occurrence(n, bytes);
    }
  }

  /** Hides the visible children of {@code dir} from layers before {@code layer}; their bytes. */
  private long hideChildren(FsNode dir, int layer) {
    long bytes = 0;
    if (dir.children == null) {
      return 0;
    }
    for (FsNode ch : dir.children.values()) {
      if (!ch.visible || ch.layer >= layer && !ch.isDir()) {
        continue;
      }
      if (ch.isDir()) {
        bytes += hideChildren(ch, layer);
        if (ch.layer < layer && !hasVisibleChild(ch)) {
          ch.visible = false;
        }
      } else {
        bytes += ch.ownBytes();
        ch.visible = false;
      }
    }
    return bytes;
  }

  private static boolean hasVisibleChild(FsNode dir) {
    if (dir.children != null) {
      for (FsNode ch : dir.children.values()) {
        if (ch.visible) {
          return true;
        }
      }
    }
    return false;
  }

  private void occurrence(FsNode n, long size) {
    effCum += size;
    if (n.effMin < 0) {
      n.effMin = size;
      effMinSum += size;
    } else if (size < n.effMin) {
      effMinSum -= n.effMin - size;
      n.effMin = size;
    }
  }

  private FsNode findVisible(String path) {
    FsNode n = root;
    for (String part : path.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      n = n.child(part);
      if (n == null || !n.visible) {
        return null;
      }
    }
    return n;
  }

  // ---- finishing ----

  private void finish() {
    markHardlinkHolders(root, new HashSet<>());
    MessageDigest sha = sha256();
    total(root, sha);
  }

  /**
   * A hardlink holds content only when the file it links to is no longer there unchanged; of
   * several such links to one file, the first one holds it.
   */
  private void markHardlinkHolders(FsNode dir, Set<String> held) {
    for (FsNode ch : FileTree.visibleChildren(dir)) {
      if (ch.isDir()) {
        markHardlinkHolders(ch, held);
      } else if (ch.type == EntryType.HARDLINK) {
        FsNode target = findVisible(ch.link);
        boolean targetHolds = target != null && target.type == EntryType.FILE
            && target.layer == ch.layer;
        ch.counted = !targetHolds && held.add(ch.layer + ":" + ch.link);
      }
    }
  }

  private void total(FsNode dir, MessageDigest sha) {
    long bytes = 0;
    long files = 0;
    List<FsNode> kids = FileTree.visibleChildren(dir);
    for (FsNode ch : kids) {
      if (ch.isDir()) {
        total(ch, sha);
        bytes += ch.total;
        files += ch.files;
      } else {
        bytes += ch.ownBytes();
        files += ch.type == EntryType.FILE || ch.type == EntryType.HARDLINK ? 1 : 0;
      }
    }
    dir.total = bytes;
    dir.files = files;
    sha.reset();
    for (FsNode ch : kids) {
      sha.update(ch.name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update((byte) ch.type.ordinal());
      ByteBuffer b = ByteBuffer.allocate(24);
      b.putLong(ch.hashHi).putLong(ch.hashLo).putLong(ch.isDir() ? ch.total : ch.size);
      sha.update(b.array());
      if (ch.link != null) {
        sha.update(ch.link.getBytes(StandardCharsets.UTF_8));
      }
      sha.update((byte) 0);
    }
    ByteBuffer d = ByteBuffer.wrap(sha.digest());
    dir.hashHi = d.getLong();
    dir.hashLo = d.getLong();
  }

  private List<DirSize> dirTree() {
    List<DirSize> out = new ArrayList<>();
    dirTree(root, 0, out);
    return out;
  }

  private void dirTree(FsNode dir, int depth, List<DirSize> out) {
    out.add(new DirSize(dir.path(), depth, dir.total, dir.files));
    if (depth >= TREE_DEPTH) {
      return;
    }
    List<FsNode> dirs = new ArrayList<>();
    for (FsNode ch : FileTree.visibleChildren(dir)) {
      if (ch.isDir() && ch.total > 0) {
        dirs.add(ch);
      }
    }
    dirs.sort(Comparator.comparingLong((FsNode n) -> n.total).reversed());
    for (FsNode ch : dirs.subList(0, Math.min(TREE_CHILDREN, dirs.size()))) {
      dirTree(ch, depth + 1, out);
    }
  }

  private List<FileSize> largestFiles() {
    PriorityQueue<FsNode> top = new PriorityQueue<>(Comparator.comparingLong(FsNode::ownBytes));
    visitFiles(root, n -> {
      if (n.ownBytes() > 0) {
        top.add(n);
        if (top.size() > TOP) {
          top.poll();
        }
      }
    });
    List<FileSize> out = new ArrayList<>();
    for (FsNode n : top) {
      out.add(new FileSize(n.path(), n.ownBytes(), n.layer));
    }
    out.sort(Comparator.comparingLong(FileSize::bytes).reversed()
        .thenComparing(FileSize::path));
    return out;
  }

  private interface Visitor {
    void visit(FsNode n);
  }

  private static void visitFiles(FsNode dir, Visitor v) {
    if (dir.children == null) {
      return;
    }
    for (FsNode ch : dir.children.values()) {
      if (!ch.visible) {
        continue;
      }
      if (ch.isDir()) {
        visitFiles(ch, v);
      } else {
        v.visit(ch);
      }
    }
  }

  private static void visitDirs(FsNode dir, Visitor v) {
    if (dir.children == null) {
      return;
    }
    for (FsNode ch : dir.children.values()) {
      if (ch.visible && ch.isDir()) {
        v.visit(ch);
        visitDirs(ch, v);
      }
    }
  }

  private static final Comparator<FsNode> BY_HASH =
      Comparator.comparingLong((FsNode n) -> n.hashHi).thenComparingLong(n -> n.hashLo);

  /** Groups of identical directories; only the topmost of nested duplicates is reported. */
  private void duplicateTrees(List<Duplicate> out, Set<FsNode> members) {
    List<FsNode> dirs = new ArrayList<>();
    visitDirs(root, n -> {
      if (n.total > 0) {
        dirs.add(n);
      }
    });
    dirs.sort(BY_HASH);
    List<Duplicate> all = new ArrayList<>();
    for (List<FsNode> group : runs(dirs)) {
      for (FsNode n : group) {
        members.add(n);
      }
      if (parentsIdentical(group)) {
        continue;
      }
      FsNode first = group.get(0);
      all.add(duplicate(group, first.total, first.files));
    }
    all.sort(Comparator.comparingLong(Duplicate::wastedBytes).reversed());
    out.addAll(all.subList(0, Math.min(TOP, all.size())));
  }

  private static boolean parentsIdentical(List<FsNode> group) {
    FsNode p0 = group.get(0).parent;
    Set<FsNode> parents = Collections.newSetFromMap(new IdentityHashMap<>());
    for (FsNode n : group) {
      FsNode p = n.parent;
      if (p == null || p.parent == null || p.hashHi != p0.hashHi || p.hashLo != p0.hashLo
          || !parents.add(p)) {
        return false;
      }
    }
    return true;
  }

  /** Identical files, leaving out those inside a duplicate tree (the tree already says it). */
  private List<Duplicate> duplicateFiles(Set<FsNode> treeMembers, long[] totalWasted) {
    List<FsNode> files = new ArrayList<>();
    visitFiles(root, n -> {
      if (n.type == EntryType.FILE && n.size > 0) {
        files.add(n);
      }
    });
    files.sort(BY_HASH);
    List<Duplicate> all = new ArrayList<>();
    for (List<FsNode> group : runs(files)) {
      List<FsNode> outside = new ArrayList<>();
      for (FsNode n : group) {
        if (!insideAny(n, treeMembers)) {
          outside.add(n);
        }
      }
      if (outside.isEmpty()) {
        continue;
      }
      long size = group.get(0).size;
      Duplicate d = duplicate(group, size, 1);
      totalWasted[0] += d.wastedBytes();
      all.add(d);
    }
    all.sort(Comparator.comparingLong(Duplicate::wastedBytes).reversed()
        .thenComparing(d -> d.paths().get(0)));
    return new ArrayList<>(all.subList(0, Math.min(TOP, all.size())));
  }

  private static boolean insideAny(FsNode n, Set<FsNode> dirs) {
    for (FsNode p = n.parent; p != null; p = p.parent) {
      if (dirs.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static Duplicate duplicate(List<FsNode> group, long bytes, long files) {
    List<String> paths = new ArrayList<>();
    for (FsNode n : group) {
      paths.add(n.path());
    }
    Collections.sort(paths);
    return new Duplicate(paths, bytes, files, bytes * (group.size() - 1));
  }

  /** Runs of two or more equal hashes in a list sorted by hash. */
  private static List<List<FsNode>> runs(List<FsNode> sorted) {
    List<List<FsNode>> out = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      int j = i + 1;
      while (j < sorted.size() && BY_HASH.compare(sorted.get(i), sorted.get(j)) == 0) {
        j++;
      }
      if (j - i > 1) {
        out.add(sorted.subList(i, j));
      }
      i = j;
    }
    return out;
  }

  private List<ComponentSize> componentSizes(FileTree tree) {
    List<ComponentSize> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> c : components.entrySet()) {
      long bytes = 0;
      long files = 0;
      List<String> missing = new ArrayList<>();
      for (String p : c.getValue()) {
        long b = tree.bytes(p);
        if (b < 0) {
          missing.add(p);
        } else {
          bytes += b;
          files += tree.files(p);
        }
      }
      out.add(new ComponentSize(c.getKey(), bytes, files, missing));
    }
    return out;
  }

  private List<PackageRecord> packages(FileTree tree, Map<String, List<FoundPackage>> bySource) {
    List<PackageRecord> out = new ArrayList<>();
    for (Map.Entry<String, List<FoundPackage>> e : bySource.entrySet()) {
      FsNode meta = tree.find(e.getKey());
      if (meta == null || meta.type != EntryType.FILE) {
        continue;
      }
      for (FoundPackage f : e.getValue()) {
        PackageRecord p = f.record();
        out.add(f.files() != null ? measured(tree, f) : p.bytes() >= 0 ? p : eggBytes(tree, p));
      }
    }
    out.sort(Comparator.comparing(PackageRecord::manager).thenComparing(PackageRecord::name));
    return out;
  }

  /** A wheel's bytes: its listed files as they are in the final filesystem. */
  private static PackageRecord measured(FileTree tree, FoundPackage f) {
    long bytes = 0;
    boolean any = false;
    for (String rel : f.files().split("\n")) {
      if (rel.isEmpty()) {
        continue;
      }
      String path = LayerScanner.normalize(f.base() + "/" + rel);
      FsNode n = path == null ? null : tree.find(path);
      if (n != null && !n.isDir()) {
        bytes += n.ownBytes();
        any = true;
      }
    }
    PackageRecord p = f.record();
    return any ? new PackageRecord(p.manager(), p.name(), p.version(), bytes, p.source()) : p;
  }

  /** An egg-info's bytes: its package directory next to it, else the egg-info itself. */
  private static PackageRecord eggBytes(FileTree tree, PackageRecord p) {
    String eggDir = p.source().substring(0, p.source().lastIndexOf('/'));
    String siteDir = eggDir.substring(0, Math.max(0, eggDir.lastIndexOf('/')));
    String module = p.name().toLowerCase().replace('-', '_');
    long pkg = tree.bytes(siteDir + "/" + module);
    long own = Math.max(0, tree.bytes(eggDir));
    return new PackageRecord(p.manager(), p.name(), p.version(), Math.max(0, pkg) + own,
        p.source());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
