package dev.slimgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NotifyCommandTest {

  private static final String TOKEN = "xoxb-42-command-test-secret";
  private static final String SUMMARY = """
      {"phase_id": "A", "phase_name": "Quick wins", "commit": "0123abc", "stage": "size",
       "verdict": "pass", "baseline_bytes": 32400000000, "candidate_bytes": 28000000000,
       "budget_bytes": 29000000000,
       "links": {"build": "https://ci.example.org/job/m/12/"}}""";

  @TempDir
  Path folder;

  private HttpServer server;
  private final List<String> bodies = new ArrayList<>();
  private String answer = "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1733300000.000100\"}";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startServer() throws IOException {
    // a minimal Slack Web API: every method answers with the current answer
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", exchange -> {
      bodies.add(exchange.getRequestURI().getPath() + " " + new String(
          exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private Map<String, String> slackEnvironment() {
    return Map.of("SLIMGATE_SLACK_TOKEN", TOKEN, "SLIMGATE_SLACK_API_URL",
        "http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
  }

  private int run(Map<String, String> environment, String summary, String... extra)
      throws IOException {
    Path file = folder.resolve("summary.json");
    Files.writeString(file, summary);
    List<String> args = new ArrayList<>(List.of("--summary", file.toString(),
        "--state-dir", folder.resolve("state").toString(),
        "--run-dir", folder.resolve("run").toString()));
    args.addAll(List.of(extra));
    CommandLine command = new CommandLine(new NotifyCommand(environment));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args.toArray(String[]::new));
  }

  private JsonNode result() throws IOException {
    return new ObjectMapper().readTree(folder.resolve("run/chat-result.json").toFile());
  }

  @Test
  void withoutChatTheSummaryIsPrintedOnTheConsole() throws IOException {
    run(Map.of(), SUMMARY);

    assertTrue(out.toString().startsWith("Phase A (Quick wins): PASS\n"), out.toString());
  }

  @Test
  void withoutChatTheConsoleSaysWhyTheMessageIsPrinted() throws IOException {
    run(Map.of(), SUMMARY);

    assertTrue(err.toString().contains("no chat is configured (SLIMGATE_SLACK_TOKEN and"
        + " SLIMGATE_SLACK_WEBHOOK are unset)"), err.toString());
  }

  @Test
  void withoutChatTheRunFolderGetsTheSameText() throws IOException {
    run(Map.of(), SUMMARY);

    assertEquals(out.toString(), Files.readString(folder.resolve("run/chat.md")));
  }

  @Test
  void theResultFileNamesTheModeAndHasNoWarnings() throws IOException {
    run(Map.of(), SUMMARY);

    assertEquals("console []", result().get("mode").asText() + " " + result().get("warnings"));
  }

  @Test
  void withATokenTheSummaryGoesToTheSlackApi() throws IOException {
    int exit = run(slackEnvironment(), SUMMARY, "--channel", "#medimproc");

    assertEquals("0 /api/chat.postMessage 1733300000.000100", exit + " "
        + bodies.get(0).split(" ")[0] + " " + result().get("thread_ts").asText());
  }

  @Test
  void theReleaseManagersOptionMentionsTheGroup() throws IOException {
    run(slackEnvironment(), SUMMARY, "--channel", "#medimproc", "--release-managers", "S42");

    // Gson writes the angle brackets of <!subteam^S42> as \u003c and \u003e inside the blocks

    assertTrue(bodies.stream().anyMatch(body -> URLDecoder.decode(body, StandardCharsets.UTF_8)
        .contains("!subteam^S42")),
        bodies.toString());
  }

  @Test
  void invalidAuthIsAWarningAndExitZero() throws IOException {
    answer = "{\"ok\":false,\"error\":\"invalid_auth\"}";

    int exit = run(slackEnvironment(), SUMMARY, "--channel", "#medimproc");

    assertEquals(0, exit);
    assertTrue(err.toString().contains("WARNING: chat: Slack rejected the bot token"),
        err.toString());
  }

  @Test
  void invalidAuthIsInTheResultFileForTheReport() throws IOException {
    answer = "{\"ok\":false,\"error\":\"invalid_auth\"}";

    run(slackEnvironment(), SUMMARY, "--channel", "#medimproc");

    assertTrue(result().get("warnings").get(0).asText().contains("invalid_auth"));
  }

  @Test
  void theTokenIsNeitherPrintedNorWritten() throws IOException {
    answer = "{\"ok\":false,\"error\":\"invalid_auth\"}";
    run(slackEnvironment(), SUMMARY, "--channel", "#medimproc");

    String written = Files.readString(folder.resolve("run/chat-result.json"))
        + Files.readString(folder.resolve("run/chat.md"));
    assertFalse((out + "" + err + written).contains(TOKEN));
  }

  @Test
  void aBadSummaryIsExitTwo() throws IOException {
    int exit = run(Map.of(), "{\"phase_id\": \"A\"}");

    assertEquals(2, exit);
    assertTrue(err.toString().startsWith("ERROR: "), err.toString());
  }

  @Test
  void aTokenWithoutChannelIsExitTwo() throws IOException {
    assertEquals(2, run(slackEnvironment(), SUMMARY));
  }

  @Test
  void missingRequiredOptionsAreExitTwo() {
    CommandLine command = new CommandLine(new NotifyCommand(Map.of()));
    command.setErr(new PrintWriter(err, true));

    assertEquals(2, command.execute("--summary", "x.json"));
  }
}
