package dev.slimgate.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How base-image.sh picks the apt sources it gives mmdebstrap: the machine's bookworm entries
 * only, so the rootfs never carries a repository whose key it lacks. Runs on a fake apt folder;
 * nothing is fetched ("mirror.invalid" is a reserved name that resolves nowhere).
 */
class BaseImageScriptTest {

  static final Path SCRIPT = Path.of("test/fixtures/medimproc-debian/base-image.sh");
  static final String TRIXIE_ONLY = "deb http://mirror.invalid/debian trixie main\n";

  @TempDir
  Path dir;

  @Test
  void keepsTheBookwormStanzasOfDeb822Sources() throws Exception {
    Path etc = aptEtc();
    Files.writeString(etc.resolve("sources.list.d/debian.sources"), """
        # the main archive
        Types: deb deb-src
        URIs: http://mirror.invalid/debian
        Suites: bookworm bookworm-updates trixie
        Components: main

        Types: deb
        URIs: http://mirror.invalid/debian-security
        Suites: bookworm-security
        Components: main
        """);
    assertEquals("""
        Types: deb
        URIs: http://mirror.invalid/debian
        Suites: bookworm bookworm-updates
        Components: main

        Types: deb
        URIs: http://mirror.invalid/debian-security
        Suites: bookworm-security
        Components: main

        """, printSources(etc).output());
  }

  @Test
  void leavesOutOtherDistributionsAndDisabledStanzas() throws Exception {
    Path etc = aptEtc();
    Files.writeString(etc.resolve("sources.list.d/vendor.sources"), """
        Types: deb
        URIs: http://mirror.invalid/vendor
        Suites: nodistro
        Components: main

        Types: deb
        URIs: http://mirror.invalid/debian
        Suites: bookworm
        Components: main
        Enabled: no

        Types: deb-src
        URIs: http://mirror.invalid/debian
        Suites: bookworm
        Components: main
        """);
    assertEquals("", printSources(etc).output());
  }

  @Test
  void keepsTheBookwormLinesOfOneLineSources() throws Exception {
    Path etc = aptEtc();
    Files.writeString(etc.resolve("sources.list"), """
        deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] \
        http://mirror.invalid/debian bookworm main
        deb-src http://mirror.invalid/debian bookworm main
        # deb http://mirror.invalid/debian bookworm-backports main
        deb http://mirror.invalid/debian trixie main
        deb http://mirror.invalid/debian-security bookworm-security main
        """);
    Files.writeString(etc.resolve("sources.list.d/old.list.disabled"),
        "deb http://mirror.invalid/old bookworm main\n");
    assertEquals("""
        deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] \
        http://mirror.invalid/debian bookworm main
        deb http://mirror.invalid/debian-security bookworm-security main
        """, printSources(etc).output());
  }

  @Test
  void withoutABookwormSourceStopsWithExitThree() throws Exception {
    Assumptions.assumeTrue(onPath("mmdebstrap"), "needs mmdebstrap to get that far");
    Path etc = aptEtc();
    Files.writeString(etc.resolve("sources.list"), TRIXIE_ONLY);
    assertEquals(3, makeImage(etc).exit());
  }

  @Test
  void withoutABookwormSourceSaysHowToGiveOne() throws Exception {
    Assumptions.assumeTrue(onPath("mmdebstrap"), "needs mmdebstrap to get that far");
    Path etc = aptEtc();
    Files.writeString(etc.resolve("sources.list"), TRIXIE_ONLY);
    String output = makeImage(etc).output();
    assertTrue(output.contains("set SLIMGATE_DEBIAN_SOURCES"), output);
  }

  private Path aptEtc() throws IOException {
    Path etc = Files.createTempDirectory(dir, "apt");
    Files.createDirectories(etc.resolve("sources.list.d"));
    return etc;
  }

  private Run printSources(Path etc) throws Exception {
    return Run.of(Map.of("SLIMGATE_APT_ETC", etc.toString()), "--print-sources");
  }

  /** A real run up to the source check: an image name and a cache that do not exist. */
  private Run makeImage(Path etc) throws Exception {
    return Run.of(Map.of("SLIMGATE_APT_ETC", etc.toString(),
        "SLIMGATE_DEBIAN_BASE", "slimgate-test/no-such-base-" + dir.getFileName() + ":none",
        "SLIMGATE_CACHE", dir.resolve("cache").toString()));
  }

  private static boolean onPath(String command) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(folder, command))) {
        return true;
      }
    }
    return false;
  }

  /** base-image.sh run to its end: exit code, and stdout then stderr. */
  record Run(int exit, String output) {

    static Run of(Map<String, String> env, String... args) throws Exception {
      Path out = Files.createTempFile("base-image-", ".out");
      Path err = Files.createTempFile("base-image-", ".err");
      try {
        String[] command = new String[args.length + 1];
        command[0] = SCRIPT.toAbsolutePath().toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command)
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(SCRIPT + " did not finish within 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8)
            + Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    }
  }
}
