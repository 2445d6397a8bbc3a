package dev.slimgate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule on tiny Dockerfiles: one that must be flagged and one that must not. */
class RulesTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // SG101 orphaned install
        Arguments.of("FROM b\nWORKDIR /opt/tool\nRUN curl -fsSL https://x/t.tgz | tar xz\n"
            + "ENV TOOL=/opt/tool/bin\nRUN curl -o t.zip https://x/t2.zip && unzip t.zip -d /opt"
            + " && rm t.zip\nENV TOOL=/opt/tool-2/bin\n", List.of("SG101 3")),
        Arguments.of("FROM b\nWORKDIR /opt/tool\nRUN curl -fsSL https://x/t.tgz | tar xz\n"
            + "ENV TOOL=/opt/tool/bin\nENV TOOL=/opt/tool/bin64\n", List.of()),
        Arguments.of("FROM b\nWORKDIR /opt/tool\nRUN curl -fsSL https://x/t.tgz | tar xz\n"
            + "ENV TOOL=/opt/tool/bin\nENV TOOL=/opt/other/bin OLD=/opt/tool\n", List.of()),
        // SG102 build packages
        Arguments.of("FROM b\nRUN apt-get install -y libfoo-dev gcc curl && rm -rf"
            + " /var/lib/apt/lists/*\n", List.of("SG102 2")),
        Arguments.of("FROM b\nRUN apt-get install -y libfoo-dev && make && apt-get purge -y"
            + " libfoo-dev\n", List.of()),
        Arguments.of("FROM b\nRUN apk add --no-cache --virtual .deps gcc musl-dev && make &&"
            + " apk del .deps\n", List.of()),
        Arguments.of("FROM b AS build\nRUN apt-get install -y gcc\nFROM b\nCOPY --from=build /o"
            + " /o\n", List.of()),
        // SG103 package lists
        Arguments.of("FROM b\nRUN apt-get update && apt-get install -y jq\n", List.of("SG103 2")),
        Arguments.of("FROM b\nRUN yum install -y jq\n", List.of("SG103 2")),
        Arguments.of("FROM b\nRUN apk add jq\n", List.of("SG103 2")),
        Arguments.of("FROM b\nRUN apk add --no-cache jq\n", List.of()),
        Arguments.of("FROM b\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n",
            List.of()),
        // SG104 pip cache
        Arguments.of("FROM b\nRUN pip install numpy\n", List.of("SG104 2")),
        Arguments.of("FROM b\nRUN python3 -m pip install --no-cache-dir numpy\n", List.of()),
        Arguments.of("FROM b\nENV PIP_NO_CACHE_DIR=1\nRUN pip install numpy\n", List.of()),
        Arguments.of("FROM b\nRUN pip install numpy && pip cache purge\n", List.of()),
        // SG105 conda cache
        Arguments.of("FROM b\nRUN conda install -y numpy\n", List.of("SG105 2")),
        Arguments.of("FROM b\nRUN mamba install -y numpy && mamba clean -afy\n", List.of()),
        // SG104 files put into pip's cache by hand
        Arguments.of("FROM b\nENV HOME=/root\nRUN mkdir -p /root/.cache/pip/wheels && mv /tmp/a.whl"
            + " /root/.cache/pip/wheels/\n", List.of("SG104 3")),
        Arguments.of("FROM b\nENV HOME=/root\nRUN mkdir -p /root/.cache/pip && rm -rf"
            + " /root/.cache/pip\n", List.of()),
        // SG106 unused packages
        Arguments.of("FROM b\nRUN pip install --no-cache-dir torch torchvision==0.15\n",
            List.of("SG106 2")),
        Arguments.of("FROM b\nRUN pip install --no-cache-dir torch\n", List.of()),
        // SG106 through Debian's package names and an unquoted variable of package names
        Arguments.of("FROM b\nRUN apt-get install -y python3-torch python3-torchaudio"
            + " && rm -rf /var/lib/apt/lists/*\n", List.of("SG106 2")),
        Arguments.of("FROM b\nRUN p=\"python3-torch python3-torchvision\" && apt-get install -y $p"
            + " && rm -rf /var/lib/apt/lists/*\n", List.of("SG106 2")),
        Arguments.of("FROM b\nRUN p=\"gcc libfoo-dev\" && apt-get install -y ${p}"
            + " && rm -rf /var/lib/apt/lists/*\n", List.of("SG102 2")),
        // SG107 deleted later
        Arguments.of("FROM b\nRUN curl -o /tmp/a.bin https://x/a.bin\nRUN rm -f /tmp/a.bin\n",
            List.of("SG107 3")),
        Arguments.of("FROM b\nRUN curl -o /tmp/a.bin https://x/a.bin && rm -f /tmp/a.bin\n",
            List.of()),
        // SG108 archive kept
        Arguments.of("FROM b\nRUN wget https://x/a.tar.gz && tar xzf a.tar.gz\n",
            List.of("SG108 2")),
        Arguments.of("FROM b\nRUN wget -qO- https://x/a.tar.gz | tar xz\n", List.of()),
        Arguments.of("FROM b\nADD https://x/a.tar.gz /tmp/\n", List.of("SG108 2")),
        // SG109 .git kept
        Arguments.of("FROM b\nRUN git clone --depth 1 https://x/r.git /opt/r\n",
            List.of("SG109 2")),
        Arguments.of("FROM b\nRUN git clone https://x/r.git /opt/r && rm -rf /opt/r/.git\n",
            List.of()),
        Arguments.of("FROM b\nWORKDIR /src\nRUN git clone https://x/r.git && find . -name .git"
            + " -prune -exec rm -rf {} +\n", List.of()),
        // SG110 recursive permissions
        Arguments.of("FROM b\nCOPY app /app\nRUN chmod -R g+w /app\n", List.of("SG110 3")),
        Arguments.of("FROM b\nRUN mkdir /app && curl -o /app/x https://x/x && chown -R 1000"
            + " /app\n", List.of()),
        Arguments.of("FROM b\nRUN conda install -y numpy && conda clean -afy && fix-permissions"
            + " /opt/conda\n", List.of()),
        Arguments.of("FROM b\nRUN fix-permissions /home/jovyan\n", List.of("SG110 2")),
        // SG111 distributions
        Arguments.of("FROM b\nRUN curl -L https://x/freesurfer-linux.tar.gz | tar xz -C /opt\n",
            List.of("SG111 2")),
        Arguments.of("FROM b\nRUN curl -L https://x/freesurfer-linux.tar.gz | tar xz -C /opt"
            + " && rm -rf /opt/freesurfer/trctrain /opt/freesurfer/diffusion /opt/freesurfer/docs"
            + " /opt/freesurfer/matlab /opt/freesurfer/fsafd /opt/freesurfer/tktools"
            + " /opt/freesurfer/subjects/bert\n", List.of()),
        // SG112 broad copy
        Arguments.of("FROM b\nCOPY . /app\n", List.of("SG112 2")),
        Arguments.of("FROM b\nCOPY src/ /app/src/\n", List.of()),
        // stage lineage, heredocs and exec form
        Arguments.of("FROM b AS base\nRUN pip install numpy\nFROM base\nRUN true\n",
            List.of("SG104 2")),
        Arguments.of("FROM b\nRUN <<EOF\napt-get update\napt-get install -y jq\nEOF\n",
            List.of("SG103 2")),
        Arguments.of("FROM b\nRUN [\"sh\", \"-c\", \"apt-get update\"]\n",
            List.of("SG103 2")),
        Arguments.of("FROM b\nARG PIPFLAGS=--no-cache-dir\nRUN pip install $PIPFLAGS numpy\n",
            List.of()),
        // SG100 bad suppression
        Arguments.of("FROM b\n# slimgate-ignore SG999 nope\nRUN true\n", List.of("SG100 3")));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void flagsExactlyTheWaste(String dockerfile, List<String> expected) {
    assertEquals(expected, active(LintSettings.medimproc(), dockerfile, false));
  }

  @Test
  void dockerignoreSilencesTheBroadCopy() {
    assertEquals(List.of(), active(LintSettings.medimproc(), "FROM b\nCOPY . /app\n", true));
  }

  @Test
  void suppressionCommentSilencesOnlyTheNamedRule() {
    String text = "FROM b\n# slimgate-ignore SG103 lists needed at run time\n"
        + "RUN apt-get update && pip install numpy\n";

    assertEquals(List.of("SG104 3"), active(LintSettings.medimproc(), text, false));
  }

  @Test
  void suppressedFindingKeepsItsJustification() {
    String text = "FROM b\n# slimgate-ignore SG103, SG104 lists needed at run time\n"
        + "RUN apt-get update && pip install numpy\n";

    LintReport report = lint(LintSettings.medimproc(), text, ImageMeasurements.NONE);

    assertEquals(List.of("lists needed at run time", "lists needed at run time"),
        report.findings().stream().map(f -> f.suppression().orElse("")).toList());
  }

  @Test
  void severityOverrideChangesTheLevel() {
    LintSettings settings = new LintSettings(Map.of("SG103", Level.ERROR), Set.of(), List.of());

    LintReport report = lint(settings, "FROM b\nRUN apt-get update\n", ImageMeasurements.NONE);

    assertEquals(List.of(Level.ERROR), report.findings().stream().map(Finding::level).toList());
  }

  @Test
  void offTurnsARuleOff() {
    LintSettings settings = new LintSettings(Map.of("SG103", Level.OFF), Set.of(), List.of());

    assertEquals(List.of(), active(settings, "FROM b\nRUN apt-get update\n", false));
  }

  @Test
  void onlyErrorsFailTheReport() {
    LintReport warnings = lint(LintSettings.medimproc(), "FROM b\nRUN apt-get update\n",
        ImageMeasurements.NONE);

    assertEquals(false, warnings.failed());
  }

  @Test
  void measuredBytesUseTheImageEnvironmentForUnknownVariables() {
    ImageMeasurements sizes = new ImageMeasurements() {
      @Override
      public OptionalLong pathBytes(String path) {
        return path.equals("/home/jovyan/ants") ? OptionalLong.of(17_500_000L)
            : OptionalLong.empty();
      }

      @Override
      public Map<String, String> environment() {
        return Map.of("HOME", "/home/jovyan");
      }
    };
    String text = "FROM b\nWORKDIR ${HOME}/ants\nRUN curl -fsSL https://x/a | tar xz\n"
        + "ENV ANTSPATH=$HOME/ants/bin\nRUN curl -o a.zip https://x/a.zip && unzip a.zip -d"
        + " ${HOME} && rm a.zip\nENV ANTSPATH=$HOME/ants-2.4.4/bin\n";

    LintReport report = lint(LintSettings.medimproc(), text, sizes);

    assertEquals(List.of(OptionalLong.of(17_500_000L)),
        report.findings().stream().map(Finding::bytes).toList());
  }

  @Test
  void packageBytesAreSummedForUnusedPackages() {
    ImageMeasurements sizes = new ImageMeasurements() {
      @Override
      public OptionalLong pathBytes(String path) {
        return OptionalLong.empty();
      }

      @Override
      public OptionalLong packageBytes(String manager, String name) {
        return manager.equals("pip") ? OptionalLong.of(name.length() * 100L)
            : OptionalLong.empty();
      }
    };

    LintReport report = lint(LintSettings.medimproc(), "FROM b\nRUN pip install"
        + " --no-cache-dir torch torchvision torchaudio\n", sizes);

    assertEquals(List.of(OptionalLong.of(2100L)),
        report.findings().stream().map(Finding::bytes).toList());
  }

  @Test
  void customDistributionFromSettingsIsChecked() {
    LintSettings settings = new LintSettings(Map.of(), Set.of(), List.of(new Distribution(
        "Tool", Pattern.compile("tool-.*\\.zip"), List.of("tool/docs"))));

    assertEquals(List.of("SG111 2"), active(settings, "FROM b\nRUN curl -o /tmp/tool-1.zip"
        + " https://x/tool-1.zip && unzip /tmp/tool-1.zip -d /opt && rm /tmp/tool-1.zip\n",
        false));
  }

  private static List<String> active(LintSettings settings, String text, boolean ignore) {
    return new Linter(settings, ImageMeasurements.NONE)
        .lint(List.of(new LintInput("Dockerfile", text, ignore))).active().stream()
        .map(f -> f.ruleId() + " " + f.span().startLine()).toList();
  }

  private static LintReport lint(LintSettings settings, String text, ImageMeasurements sizes) {
    return new Linter(settings, sizes).lint(List.of(new LintInput("Dockerfile", text, false)));
  }
}
