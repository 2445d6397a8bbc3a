package dev.slimgate.anatomy;

import static dev.slimgate.anatomy.Layers.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slimgate.anatomy.DiffResult.ComponentDelta;
import dev.slimgate.anatomy.DiffResult.PathChange;
import dev.slimgate.anatomy.DiffResult.SavingCheck;
import dev.slimgate.anatomy.Layers.Layer;
import dev.slimgate.core.Events;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline and a phase-A-like candidate: duplicate ANTs and a -dev package removed. */
class ImageDiffTest {

  static final String PLAN = """
      version: 1
      components:
        ants:
          paths: [/home/jovyan/ants, /home/jovyan/ants-2.4.4]
        tools:
          paths: [/usr/bin]
      phases:
        - id: A
          savings:
            - change: remove the duplicate ANTs install
              component: ants
              bytes: 3300
            - change: purge build dependencies
              bytes: 7MB
      """;

  static final String STATUS_BASE = "Package: jq\nStatus: install ok installed\n"
      + "Installed-Size: 12\nVersion: 1.6\n\nPackage: libeigen3-dev\n"
      + "Status: install ok installed\nInstalled-Size: 7000\nVersion: 3.4\n";
  static final String STATUS_A = "Package: jq\nStatus: install ok installed\n"
      + "Installed-Size: 12\nVersion: 1.6\n";

  @TempDir
  Path tmp;

  static Layer baseLayer() throws Exception {
    Layer l = new Layer().by("COPY ants");
    for (String root : List.of("home/jovyan/ants", "home/jovyan/ants-2.4.4")) {
      l.dir(root).dir(root + "/bin").file(root + "/bin/antsRegistration", bytes(3000, 1))
          .file(root + "/bin/N4", bytes(300, 2));
    }
    l.dir("usr/include/eigen3").file("usr/include/eigen3/Core", bytes(900, 3))
        .dir("usr/bin").file("usr/bin/jq", bytes(120, 4))
        .file("var/lib/dpkg/status", STATUS_BASE);
    return l;
  }

  static Layer phaseALayer() throws Exception {
    return new Layer().by("RUN cleanup").whiteout("home/jovyan/ants")
        .whiteout("usr/include/eigen3").file("var/lib/dpkg/status", STATUS_A);
  }

  static Path archive(Path dir, String name, List<Layer> layers) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, Layers.classic(layers, false));
    return p;
  }

  @Test
  void diffListsRemovedTreesPackagesAndComparesExpectedSavings() throws Exception {
    PlanExcerpt plan = PlanExcerpts.parse(PLAN, "plan.yaml");
    LayerCache cache = new LayerCache(tmp.resolve("cache"));
    Stacker stacker = new Stacker(plan.components());
    Analysis base = stacker.stack(new ImageArchive(cache, Events.NONE)
        .load(archive(tmp, "base.tar", List.of(baseLayer()))));
    Analysis cand = stacker.stack(new ImageArchive(cache, Events.NONE)
        .load(archive(tmp, "a.tar", List.of(baseLayer(), phaseALayer()))));
    DiffResult d = new ImageDiff(plan, "A").diff(base, cand);

    assertEquals(List.of(new PathChange("/home/jovyan/ants", true, 3300, 0, 2),
        new PathChange("/usr/include/eigen3", true, 900, 0, 1)), d.removed());
    assertEquals(3300 + 900, d.removedBytes());
    assertEquals(List.of(new PackageRecord("dpkg", "libeigen3-dev", "3.4", 7000 * 1024,
        "var/lib/dpkg/status")), d.packagesRemoved());
    assertEquals(List.of(), d.packagesAdded());
    int statusDelta = STATUS_BASE.length() - STATUS_A.length();
    assertEquals(List.of(new PathChange("/var/lib/dpkg/status", false, STATUS_BASE.length(),
        STATUS_A.length(), 1)), d.changed());
    assertEquals(List.of(new ComponentDelta("ants", 6600, 3300),
        new ComponentDelta("tools", 120, 120)), d.components());
    assertEquals(List.of(new SavingCheck("remove the duplicate ANTs install", "ants", 3300, 3300),
        new SavingCheck("purge build dependencies", null, 7_000_000, -1)), d.savings());
    assertEquals(3300 + 7_000_000, d.expectedBytes());
    assertEquals(3300 + 900 + statusDelta, d.measuredBytes());
  }

  @Test
  void identicalImagesHaveNoDifferences() throws Exception {
    LayerCache cache = new LayerCache(tmp.resolve("cache"));
    Stacker stacker = new Stacker(java.util.Map.of());
    Path p = archive(tmp, "base.tar", List.of(baseLayer()));
    Analysis a = stacker.stack(new ImageArchive(cache, Events.NONE).load(p));
    Analysis b = stacker.stack(new ImageArchive(cache, Events.NONE).load(p));
    DiffResult d = new ImageDiff(PlanExcerpt.empty(), null).diff(a, b);
    assertEquals(List.of(), d.removed());
    assertEquals(List.of(), d.added());
    assertEquals(List.of(), d.changed());
    assertEquals(List.of(), d.directories());
  }
}
