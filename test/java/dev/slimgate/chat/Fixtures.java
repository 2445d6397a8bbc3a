package dev.slimgate.chat;

import dev.slimgate.chat.ChatSummary.FailingCheck;
import dev.slimgate.chat.ChatSummary.Links;
import dev.slimgate.chat.ChatSummary.Saving;
import dev.slimgate.core.Events;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Summaries, settings and recorders shared by the chat tests. */
final class Fixtures {

  static final String TOKEN = "xoxb-123456789012-secret-token-value";
  static final String WEBHOOK_SECRET = "Xk9webhookSecretPart7Q";
  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  static final String GROUP = "S0123ABCD";

  private Fixtures() {}

  static ChatSummary failing(String stage, String commit, String build) {
    return new ChatSummary("A", "Quick wins", commit, stage, Verdict.FAIL,
        32_400_000_000L, 29_500_000_000L, 29_000_000_000L,
        List.of(new Saving("remove the duplicate ANTs install", 2_930_000_000L),
            new Saving("purge MRtrix3 build dependencies", 45_000_000L),
            new Saving("drop torchvision and torchaudio", 1_100_000_000L),
            new Saving("clear apt lists", 62_700_000L)),
        List.of(new FailingCheck("size.phase", "candidate 29.5 GB is over the budget 29 GB"),
            new FailingCheck("tools.antsRegistration", "expected 'ANTs Version', saw <none>")),
        List.of("size gate: 29.5 GB against 29 GB"),
        new Links(build, "https://ci.example.org/job/medimproc/12/slimgate/report.html",
            "https://gitlab.example.org/group/medimproc/-/merge_requests/7"));
  }

  static ChatSummary passing(String stage, String commit, String build) {
    return new ChatSummary("A", "Quick wins", commit, stage, Verdict.PASS,
        32_400_000_000L, 28_000_000_000L, 29_000_000_000L,
        List.of(new Saving("remove the duplicate ANTs install", 2_930_000_000L)),
        List.of(), List.of(),
        new Links(build, "https://ci.example.org/job/medimproc/12/slimgate/report.html", null));
  }

  static String build(int number) {
    return "https://ci.example.org/job/medimproc/" + number + "/";
  }

  static ChatSettings slack(FakeSlack server, String group) {
    return ChatSettings.resolve(Map.of(ChatSettings.TOKEN_VARIABLE, TOKEN,
        ChatSettings.API_URL_VARIABLE, server.apiUrl()), FakeSlack.CHANNEL_NAME, group);
  }

  static ChatSettings webhook(FakeSlack server, String group) {
    return ChatSettings.resolve(Map.of(ChatSettings.WEBHOOK_VARIABLE, server.webhookUrl(),
        ChatSettings.API_URL_VARIABLE, server.apiUrl()), null, group);
  }

  static ChatSettings console(String group) {
    return ChatSettings.resolve(Map.of(), null, group);
  }

  /** Records every event and every requested sleep. */
  static final class Recorder implements Events, Sleeper {
    final List<String> infos = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<Duration> sleeps = new ArrayList<>();
    final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    final PrintStream console = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);

    @Override
    public void info(String message) {
      infos.add(message);
    }

    @Override
    public void warn(String message) {
      warnings.add(message);
    }

    @Override
    public void progress(String subject, long done, long total) {}

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
    }

    String console() {
      return consoleBytes.toString(StandardCharsets.UTF_8);
    }

    ChatNotifier notifier(ChatSettings settings, Path state, Path run) {
      return new ChatNotifier(settings, state, run, this, console, this, RetryPolicy.DEFAULT);
    }
  }
}
