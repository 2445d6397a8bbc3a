package dev.slimgate.anatomy;

import static dev.slimgate.anatomy.Layers.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.anatomy.Anatomy.Duplicate;
import dev.slimgate.anatomy.Anatomy.LayerStats;
import dev.slimgate.anatomy.Layers.Layer;
import dev.slimgate.core.Events;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackerTest {

  @TempDir
  Path tmp;

  private Analysis analyse(List<Layer> layers, Map<String, List<String>> components)
      throws Exception {
    Path archive = tmp.resolve("image-" + System.nanoTime() + ".tar");
    Files.write(archive, Layers.classic(layers, false));
    LoadedImage img = new ImageArchive(new LayerCache(tmp.resolve("cache")), Events.NONE)
        .load(archive);
    return new Stacker(components).stack(img);
  }

  private Anatomy analyse(Layer... layers) throws Exception {
    return analyse(List.of(layers), Map.of()).anatomy();
  }

  private static List<Layer> overwriteAndDelete() throws Exception {
    Layer l1 = new Layer().by("COPY app /app").dir("app").file("app/a", bytes(1000, 1))
        .file("app/b", bytes(300, 2)).file("app/c", bytes(50, 3));
    Layer l2 = new Layer().by("RUN change").file("app/a", bytes(400, 4)).whiteout("app/b")
        .file("app/d", bytes(70, 5));
    return List.of(l1, l2);
  }

  @Test
  void overwrittenFileIsHiddenAndCountedAsWaste() throws Exception {
    Anatomy a = analyse(overwriteAndDelete(), Map.of()).anatomy();
    assertEquals(1000 + 300 + 50 + 400 + 70, a.storedBytes());
    assertEquals(400 + 50 + 70, a.finalBytes());
    assertEquals(3, a.finalFiles());
    assertEquals(1000 + 300, a.wastedBytes());
  }

  @Test
  void eachLayerReportsAddedReplacingHiddenAndDeletedBytes() throws Exception {
    List<LayerStats> l = analyse(overwriteAndDelete(), Map.of()).anatomy().layers();
    assertEquals(new LayerStats(1, l.get(0).digest(), "COPY app /app", 4, 1350, 1350, 0, 0, 0,
        0, 0), l.get(0));
    assertEquals(new LayerStats(2, l.get(1).digest(), "RUN change", 3, 470, 70, 400, 1000, 300,
        0, 0), l.get(1));
  }

  @Test
  void efficiencyFollowsDiveSmallestSizePerPathOverAllSizes() throws Exception {
    Anatomy a = analyse(overwriteAndDelete(), Map.of()).anatomy();
    // app/a: 1000 then 400; app/b: 300 then a whiteout (0); app/c: 50; app/d: 70
    double expected = (400.0 + 0 + 50 + 70) / (1000 + 400 + 300 + 0 + 50 + 70);
    assertEquals(expected, a.efficiency(), 1e-12);
  }

  @Test
  void imageWithoutFilesScoresFullEfficiency() throws Exception {
    Anatomy a = analyse(new Layer().dir("empty"));
    assertEquals(1.0, a.efficiency());
  }

  @Test
  void opaqueDirectoryDeletesEarlierChildrenButKeepsItsOwnLayersChildren() throws Exception {
    Layer l1 = new Layer().dir("data").file("data/x", bytes(200, 1)).dir("data/sub")
        .file("data/sub/y", bytes(100, 2));
    // the new child comes before the marker in the tar: it must survive
    Layer l2 = new Layer().dir("data").file("data/-new", bytes(30, 3)).opaque("data");
    Anatomy a = analyse(l1, l2);
    assertEquals(300, a.layers().get(1).deletedBytes());
    assertEquals(30, a.finalBytes());
    assertEquals(1, a.finalFiles());
  }

  @Test
  void chmodCopyIsReportedAsMetadataOnlyChange() throws Exception {
    byte[] tool = bytes(500, 7);
    Layer l1 = new Layer().dir("bin").file("bin/tool", tool, 0644);
    Layer l2 = new Layer().file("bin/tool", tool, 0755);
    LayerStats s = analyse(l1, l2).layers().get(1);
    assertEquals(500, s.metadataOnlyBytes());
    assertEquals(1, s.metadataOnlyFiles());
    assertEquals(500, s.hiddenBytes());
  }

  @Test
  void hardlinkedContentCountsOnce() throws Exception {
    Layer l1 = new Layer().dir("bin").file("bin/tool", bytes(500, 7)).hardlink("bin/tool2",
        "bin/tool");
    Anatomy a = analyse(l1);
    assertEquals(500, a.finalBytes());
    assertEquals(2, a.finalFiles());
    assertEquals(0, a.wastedBytes());
  }

  @Test
  void hardlinkKeepsContentWhenItsTargetIsDeleted() throws Exception {
    Layer l1 = new Layer().dir("bin").file("bin/tool", bytes(500, 7)).hardlink("bin/tool2",
        "bin/tool");
    Layer l2 = new Layer().whiteout("bin/tool");
    Anatomy a = analyse(l1, l2);
    assertEquals(500, a.finalBytes());
    assertEquals(1, a.finalFiles());
  }

  @Test
  void fileReplacedByDirectoryHidesTheFile() throws Exception {
    Layer l1 = new Layer().file("thing", bytes(80, 1));
    Layer l2 = new Layer().dir("thing").file("thing/inner", bytes(20, 2));
    Anatomy a = analyse(l1, l2);
    assertEquals(80, a.layers().get(1).hiddenBytes());
    assertEquals(20, a.finalBytes());
  }

  @Test
  void duplicateTreeIsReportedOnceWithItsSize() throws Exception {
    Layer l1 = new Layer();
    for (String root : List.of("opt/ants", "opt/ants-2.4.4")) {
      l1.dir(root).dir(root + "/bin").dir(root + "/lib").file(root + "/bin/a", bytes(1000, 1))
          .file(root + "/bin/b", bytes(2000, 2)).file(root + "/lib/c", bytes(300, 3));
    }
    l1.dir("etc").file("etc/one", bytes(111, 9)).file("etc/two", bytes(111, 9));
    Anatomy a = analyse(l1);
    assertEquals(List.of(new Duplicate(List.of("/opt/ants", "/opt/ants-2.4.4"), 3300, 3, 3300)),
        a.duplicateTrees());
  }

  @Test
  void duplicateFilesLeaveOutFilesOfDuplicateTrees() throws Exception {
    Layer l1 = new Layer();
    for (String root : List.of("opt/ants", "opt/ants-2.4.4")) {
      l1.dir(root).file(root + "/a", bytes(1000, 1));
    }
    l1.dir("etc").file("etc/one", bytes(111, 9)).file("etc/two", bytes(111, 9));
    Anatomy a = analyse(l1);
    assertEquals(List.of(new Duplicate(List.of("/etc/one", "/etc/two"), 111, 1, 111)),
        a.duplicateFiles());
    assertEquals(111, a.duplicateFileBytes());
  }

  @Test
  void componentsSumTheirPathsAndNameMissingOnes() throws Exception {
    Analysis an = analyse(overwriteAndDelete(), Map.of("app", List.of("/app", "/nowhere")));
    assertEquals(List.of(new Anatomy.ComponentSize("app", 520, 3, List.of("/nowhere"))),
        an.anatomy().components());
  }

  @Test
  void packagesComeFromDpkgDistInfoAndCondaMeta() throws Exception {
    String status = "Package: jq\nStatus: install ok installed\nInstalled-Size: 12\n"
        + "Version: 1.6\nArchitecture: amd64\n\nPackage: old\nStatus: deinstall ok config-files\n"
        + "Installed-Size: 99\nVersion: 1\n\nPackage: libeigen3-dev\nStatus: install ok installed"
        + "\nInstalled-Size: 7000\nVersion: 3.4\nArchitecture: all\n";
    String record = "foo/__init__.py,sha256=x,100\nfoo/core.py,sha256=y,200\n"
        + "foo-1.2.dist-info/RECORD,,\n";
    String conda = "{\"name\":\"bar\",\"version\":\"2.0\",\"paths_data\":{\"paths\":"
        + "[{\"_path\":\"a\",\"size_in_bytes\":5},{\"_path\":\"b\",\"size_in_bytes\":6}]}}";
    Layer l1 = new Layer().file("var/lib/dpkg/status", status)
        .file("usr/lib/python3/site-packages/foo-1.2.dist-info/RECORD", record)
        .file("opt/conda/conda-meta/bar-2.0-0.json", conda)
        .file("opt/conda/conda-meta/gone-1.0-0.json", "{\"name\":\"gone\",\"size\":9}");
    Layer l2 = new Layer().whiteout("opt/conda/conda-meta/gone-1.0-0.json");
    List<PackageRecord> p = analyse(l1, l2).packages();
    assertEquals(List.of(
        new PackageRecord("conda", "bar", "2.0", 11, "opt/conda/conda-meta/bar-2.0-0.json"),
        new PackageRecord("dpkg", "jq", "1.6", 12 * 1024, "var/lib/dpkg/status"),
        new PackageRecord("dpkg", "libeigen3-dev", "3.4", 7000 * 1024, "var/lib/dpkg/status"),
        // of the files RECORD lists only RECORD itself is in the image: its bytes are measured
        new PackageRecord("python", "foo", "1.2", record.length(),
            "usr/lib/python3/site-packages/foo-1.2.dist-info/RECORD")), p);
  }

  @Test
  void wheelBytesAreMeasuredFromItsFilesNotFromRecordSizes() throws Exception {
    String site = "venv/lib/python3.11/site-packages";
    // RECORD claims 0 bytes for the blob; the filesystem has 5000, and RECORD itself counts
    String record = "torch/__init__.py,,11\ntorch/blob.bin,,0\ntorch-2.2.0.dist-info/RECORD,,\n";
    Layer l1 = new Layer().file(site + "/torch/__init__.py", bytes(11, 1))
        .file(site + "/torch/blob.bin", bytes(5000, 2))
        .file(site + "/torch-2.2.0.dist-info/RECORD", record);
    List<PackageRecord> p = analyse(l1).packages();
    assertEquals(List.of(new PackageRecord("python", "torch", "2.2.0", 11 + 5000 + record.length(),
        site + "/torch-2.2.0.dist-info/RECORD")), p);
  }

  @Test
  void unsafeEntriesAreReportedAndNeverApplied() throws Exception {
    Layer l1 = new Layer().file("/abs/file", "x").file("../evil", "y").file("a/../../b", "z")
        .device("dev/null").symlink("lib/x", "../../../etc/passwd").symlink("lib/ok", "/etc/os");
    Anatomy a = analyse(l1);
    List<String> kinds = a.findings().stream().map(f -> f.kind() + " " + f.path()).toList();
    assertEquals(List.of("absolute-path /abs/file", "parent-path ../evil",
        "parent-path a/../../b", "device-node dev/null", "link-outside-root lib/x"), kinds);
    assertEquals(1, a.finalBytes());
  }

  @Test
  void textReportNamesLayersAndDuplicates() throws Exception {
    Anatomy a = analyse(overwriteAndDelete(), Map.of()).anatomy();
    String text = new TextReport().render(a);
    assertTrue(text.contains("RUN change"), text);
    assertTrue(text.contains("wasted 1.30 kB"), text);
  }

  @Test
  void textReportMatchesGoldenText() throws Exception {
    Anatomy a = analyse(overwriteAndDelete(), Map.of()).anatomy();
    String golden = """
        Image IMAGE
          final 520 B in 3 files; stored in layers 1.82 kB; wasted 1.30 kB; efficiency 28.57%

        Layers (added / replacing / hidden / deleted / chmod-copies)
            1     1.35 kB        0 B        0 B        0 B        0 B  COPY app /app
            2        70 B      400 B    1.00 kB      300 B        0 B  RUN change

        Directories
          520 B      / (3 files)
            520 B      /app (3 files)

        Largest files
               400 B  /app/a (layer 2)
                70 B  /app/d (layer 2)
                50 B  /app/c (layer 1)
        """;
    assertEquals(golden, new TextReport().render(a).replace(a.image(), "IMAGE"));
  }

  @Test
  void jsonReportCarriesEveryNumber() throws Exception {
    Anatomy a = analyse(overwriteAndDelete(), Map.of()).anatomy();
    com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(new JsonReport().render(a).getBytes(StandardCharsets.UTF_8));
    assertEquals(1300, j.path("wastedBytes").asLong());
    assertEquals(1000, j.path("layers").path(1).path("hiddenBytes").asLong());
  }
}
