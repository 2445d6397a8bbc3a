package dev.slimgate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

  private final DockerfileParser parser = new DockerfileParser();

  private Dockerfile parse(String text) {
    return parser.parse("Dockerfile", text);
  }

  private Dockerfile corpus(String name) throws IOException {
    return parser.parse(name, FixtureFiles.read("test/fixtures/dockerfiles/corpus/" + name));
  }

  @Test
  void continuationKeepsTheSpanOfAllItsLines() throws IOException {
    Instruction run = corpus("01-continuation-basic.Dockerfile").instructions().get(1);

    assertEquals(new Span(2, 1, 5, 32), run.span());
  }

  @Test
  void commentLinesInsideAContinuationAreDropped() throws IOException {
    Instruction run = corpus("02-continuation-comments-inside.Dockerfile").instructions().get(1);

    assertEquals("apt-get update   && apt-get install -y gcc   && apt-get purge -y gcc   && rm"
        + " -rf /var/lib/apt/lists/*", run.arguments());
  }

  @Test
  void emptyLinesInsideAContinuationAreSkipped() throws IOException {
    Instruction run = corpus("03-continuation-empty-lines.Dockerfile").instructions().get(1);

    assertEquals("echo one   && echo two   && echo three", run.arguments());
  }

  @Test
  void escapeDirectiveMakesTheBacktickTheContinuationCharacter() throws IOException {
    Dockerfile file = corpus("05-escape-backtick.Dockerfile");

    assertEquals(List.of('`', 5, 7), List.of(file.escape(),
        file.instructions().get(3).span().startLine(), file.instructions().get(3).span()
            .endLine()));
  }

  @Test
  void syntaxDirectiveIsRecordedAndLaterLookalikesAreComments() throws IOException {
    Dockerfile file = corpus("07-syntax-and-check-directives.Dockerfile");

    assertEquals(Optional.of("docker/dockerfile:1.7"), file.syntax());
  }

  @Test
  void heredocBodyEndsAtItsDelimiter() throws IOException {
    Instruction run = corpus("08-heredoc-run.Dockerfile").instructions().get(1);

    assertEquals(List.of("set -e\napt-get update\napt-get install -y --no-install-recommends jq"
        + "\nrm -rf /var/lib/apt/lists/*\n", 3, 8), List.of(run.heredocs().get(0).body(),
        run.span().startLine(), run.span().endLine()));
  }

  @Test
  void dashHeredocStripsLeadingTabs() throws IOException {
    Heredoc heredoc = corpus("09-heredoc-strip-tabs.Dockerfile").instructions().get(1)
        .heredocs().get(0);

    assertEquals("echo tab-indented\necho still inside\n", heredoc.body());
  }

  @Test
  void quotedHeredocDelimiterTurnsExpansionOff() throws IOException {
    Heredoc heredoc = corpus("10-heredoc-quoted.Dockerfile").instructions().get(2)
        .heredocs().get(0);

    assertEquals(List.of("EOF", false), List.of(heredoc.name(), heredoc.expand()));
  }

  @Test
  void twoHeredocsOnOneInstructionAreReadInOrder() throws IOException {
    List<Heredoc> heredocs = corpus("11-heredoc-multiple.Dockerfile").instructions().get(1)
        .heredocs();

    assertEquals(List.of("content of a\n", "content of b\n"),
        heredocs.stream().map(Heredoc::body).toList());
  }

  @Test
  void execFormDecodesJsonEscapes() throws IOException {
    Instruction cmd = corpus("18-json-escapes.Dockerfile").instructions().get(1);

    assertEquals(List.of("sh", "-c", "echo \"quoted\" && echo back\\slash && echo \u00e9"),
        cmd.execForm().orElseThrow());
  }

  @Test
  void invalidJsonFallsBackToShellForm() throws IOException {
    Instruction cmd = corpus("19-json-invalid-falls-back.Dockerfile").instructions().get(1);

    assertEquals(List.of(Optional.empty(), "[ 'single', 'quotes' ]"),
        List.of(cmd.execForm(), cmd.arguments()));
  }

  @Test
  void repeatedMountFlagsAreAllKept() throws IOException {
    Instruction run = corpus("27-run-cache-mount.Dockerfile").instructions().get(2);

    assertEquals("type=cache,target=/var/cache/apt\ntype=cache,target=/var/lib/apt",
        run.flag("mount").orElseThrow());
  }

  @Test
  void onbuildKeepsItsTrigger() throws IOException {
    Instruction onbuild = corpus("17-onbuild.Dockerfile").instructions().get(2);

    assertEquals(List.of("RUN", "npm ci --omit=dev"), List.of(
        onbuild.trigger().orElseThrow().keyword(), onbuild.trigger().orElseThrow().arguments()));
  }

  @Test
  void lowerCaseKeywordsAreNormalised() throws IOException {
    List<String> keywords = corpus("29-lowercase-instructions.Dockerfile").instructions()
        .stream().map(Instruction::keyword).toList();

    assertEquals(List.of("FROM", "RUN", "FROM", "COPY", "WORKDIR", "CMD"), keywords);
  }

  @Test
  void crlfLineEndingsAreHandled() throws IOException {
    Instruction run = corpus("31-crlf-line-endings.Dockerfile").instructions().get(1);

    assertEquals("echo one   && echo two", run.arguments());
  }

  @Test
  void byteOrderMarkIsIgnored() throws IOException {
    assertEquals("FROM", corpus("32-byte-order-mark.Dockerfile").instructions().get(0)
        .keyword());
  }

  @Test
  void blankLineInsideContinuationJoinsTheNextLine() throws IOException {
    List<Instruction> instructions = corpus("39-blank-line-joins-next.Dockerfile")
        .instructions();

    assertEquals(2, instructions.size());
  }

  @Test
  void commentsDirectlyAboveAreAttached() {
    Instruction run = parse("FROM a\n\n# first\n# second\nRUN x\n").instructions().get(1);

    assertEquals(List.of("first", "second"), run.commentsAbove().stream().map(Comment::text)
        .toList());
  }

  @Test
  void aBlankLineDetachesComments() {
    Instruction run = parse("FROM a\n# far away\n\nRUN x\n").instructions().get(1);

    assertTrue(run.commentsAbove().isEmpty());
  }
}
