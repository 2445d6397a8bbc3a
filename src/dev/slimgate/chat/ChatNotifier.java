package dev.slimgate.chat;

import dev.slimgate.core.Events;
import dev.slimgate.core.SlimgateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tells the team how a phase is doing: one thread per run in Slack (top message updated in
 * place, details as replies), a post per update through an incoming webhook, or text on the
 * console when no chat is configured. Every message is also appended to the run folder's
 * chat.md. A chat outage never fails the pipeline: it comes back as a warning.
 */
public final class ChatNotifier {

  /** The text of every message of a run, in the run folder. */
  public static final String TEXT_FILE = "chat.md";

  /** Answers meaning the top message is gone: the run then opens a new thread. */
  private static final Set<String> MESSAGE_GONE =
      Set.of("message_not_found", "cant_update_message", "edit_window_closed");

  /** Slack cuts a post's text beyond 40,000 characters; say so rather than lose it silently. */
  static final int MAX_POST_TEXT = 40_000;

  private static final String GOES_ON = "; the pipeline goes on without chat";

  private final ChatSettings settings;
  private final ChatStateStore store;
  private final Path runDirectory;
  private final Events events;
  private final PrintStream console;
  private final Sleeper sleeper;
  private final RetryPolicy retry;
  private final MessageComposer composer = new MessageComposer();
  private final BlockKitRenderer blocks = new BlockKitRenderer();
  private final TextRenderer text = new TextRenderer();

  /**
   * @param stateDirectory where the per-phase thread state lives; must survive a restart
   * @param runDirectory the run folder that receives chat.md
   * @param console where the text goes when no chat is configured
   */
  public ChatNotifier(ChatSettings settings, Path stateDirectory, Path runDirectory,
      Events events, PrintStream console) {
    this(settings, stateDirectory, runDirectory, events, console, Sleeper.REAL,
        RetryPolicy.DEFAULT);
  }

  ChatNotifier(ChatSettings settings, Path stateDirectory, Path runDirectory, Events events,
      PrintStream console, Sleeper sleeper, RetryPolicy retry) {
    this.settings = settings;
    this.store = new ChatStateStore(stateDirectory);
    this.runDirectory = runDirectory;
    this.events = events;
    this.console = console;
    this.sleeper = sleeper;
    this.retry = retry;
  }

  /** Posts or updates the run's message for one finished stage. Never throws for chat faults. */
  public NotifyResult notify(ChatSummary summary) {
    List<String> warnings = new ArrayList<>();
    ChatState state = loadState(summary, warnings);
    boolean sameCommit = summary.commit().equals(state.commit());
    String build = summary.links().build();
    boolean rerun = sameCommit && build != null && state.build() != null
        && !build.equals(state.build());
    boolean mention = summary.verdict() == Verdict.PASS && settings.releaseManagers() != null
        && !state.releaseManagersMentioned();

    ChatMessage top = composer.top(summary);
    ChatMessage reply = composer.reply(summary, rerun ? state.build() : null);
    ChatMessage call = mention ? composer.releaseManagers(summary, settings.releaseManagers())
        : null;
    List<ChatMessage> messages = new ArrayList<>(List.of(top, reply));
    if (call != null) {
      messages.add(call);
    }
    String allText = text.render(messages);
    Path textFile = appendText(allText, warnings);

    Delivery delivery = switch (settings.mode()) {
      case CONSOLE -> console(allText, state, summary, sameCommit, mention);
      case WEBHOOK -> webhook(allText, messages, state, summary, sameCommit, mention, warnings);
      case SLACK_API -> slack(top, reply, call, state, summary, sameCommit, warnings);
    };
    save(delivery.state(), warnings);
    // defence in depth: no message may carry the token or the webhook address out
    warnings.replaceAll(settings::redact);
    for (String warning : warnings) {
      events.warn(warning);
    }
    return new NotifyResult(settings.mode(), delivery.state().channel(),
        delivery.state().ts(), textFile, delivery.mentioned(), warnings);
  }

  private record Delivery(ChatState state, boolean mentioned) {}

  private Delivery console(String allText, ChatState state, ChatSummary summary,
      boolean sameCommit, boolean mention) {
    events.info("no chat is configured (" + ChatSettings.TOKEN_VARIABLE + " and "
        + ChatSettings.WEBHOOK_VARIABLE + " are unset): the message is printed below and kept"
        + " in " + TEXT_FILE);
    console.print(allText);
    console.flush();
    ChatState next = sameCommit ? state
        : state.withThread(summary.commit(), null, null, summary.links().build());
    return new Delivery(mention ? next.withMentioned() : next, mention);
  }

  private Delivery webhook(String allText, List<ChatMessage> messages, ChatState state,
      ChatSummary summary, boolean sameCommit, boolean mention, List<String> warnings) {
    events.info("posting phase " + summary.phaseId() + " to the incoming webhook (a new post"
        + " per update: webhooks cannot edit messages)");
    ChatState next = sameCommit ? state
        : state.withThread(summary.commit(), null, null, summary.links().build());
    try (SlackWebhook webhook = new SlackWebhook(settings.webhook(), sleeper, retry)) {
      webhook.post(Limits.truncate(allText, MAX_POST_TEXT), blocks.render(messages));
      return new Delivery(mention ? next.withMentioned() : next, mention);
    } catch (ChatFailure failure) {
      warnings.add(warning(failure));
      return new Delivery(next, false);
    }
  }

  private Delivery slack(ChatMessage top, ChatMessage reply, ChatMessage call, ChatState state,
      ChatSummary summary, boolean sameCommit, List<String> warnings) {
    ChatState current = state;
    boolean mentioned = false;
    try (SlackWebApi api = new SlackWebApi(settings.apiUrl(), settings.botToken(), sleeper,
        retry)) {
      boolean updated = false;
      if (sameCommit && state.ts() != null && state.channel() != null) {
        updated = update(api, top, state, summary);
      }
      if (!updated) {
        events.info("posting phase " + summary.phaseId() + " to Slack channel "
            + settings.channel());
        SlackWebApi.Posted posted =
            api.post(settings.channel(), null, blocks.render(top), fallback(top), false);
        current = state.withThread(summary.commit(), posted.channel(), posted.ts(),
            summary.links().build());
        // saved at once so that a crash in the replies below cannot orphan the thread
        save(current, warnings);
      }
      // the first post of a thread already shows everything unless there are details to add
      if (updated || !reply.sections().isEmpty()) {
        api.post(current.channel(), current.ts(), blocks.render(reply), fallback(reply), false);
      }
      if (call != null) {
        events.info("calling the release managers: phase " + summary.phaseId()
            + " passed all its gates");
        // broadcast, so the call shows in the channel and not only inside the thread
        api.post(current.channel(), current.ts(), blocks.render(call), fallback(call), true);
        current = current.withMentioned();
        mentioned = true;
      }
    } catch (ChatFailure failure) {
      warnings.add(warning(failure));
    }
    return new Delivery(current, mentioned);
  }

  /** Updates the top message; false when it is gone and a new thread must be opened. */
  private boolean update(SlackWebApi api, ChatMessage top, ChatState state, ChatSummary summary)
      throws ChatFailure {
    events.info("updating the phase " + summary.phaseId() + " message in Slack (thread "
        + state.ts() + ")");
    try {
      api.update(state.channel(), state.ts(), blocks.render(top), fallback(top));
      return true;
    } catch (ChatFailure failure) {
      if (!MESSAGE_GONE.contains(failure.code())) {
        throw failure;
      }
      events.info("the phase " + summary.phaseId() + " message cannot be updated ("
          + failure.code() + "); opening a new thread");
      return false;
    }
  }

  /** Slack shows this text in notifications and where blocks cannot be shown. */
  private String fallback(ChatMessage message) {
    return Limits.truncate(text.render(message), BlockKitRenderer.MAX_SECTION_TEXT);
  }

  private ChatState loadState(ChatSummary summary, List<String> warnings) {
    ChatState fresh = new ChatState(summary.phaseId(), null, null, null, null, false);
    try {
      return store.load(summary.phaseId()).orElse(fresh);
    } catch (IOException e) {
      warnings.add("chat: could not read the chat state " + store.file(summary.phaseId())
          + " (" + e.getClass().getSimpleName() + "); starting a new thread; delete the file if"
          + " it is damaged");
      return fresh;
    }
  }

  private void save(ChatState state, List<String> warnings) {
    try {
      store.save(state);
    } catch (SlimgateException e) {
      String warning = "chat: " + e.getMessage() + "; the next run opens a new thread";
      if (!warnings.contains(warning)) {
        warnings.add(warning);
      }
    }
  }

  private Path appendText(String allText, List<String> warnings) {
    Path file = runDirectory.resolve(TEXT_FILE);
    try {
      Files.createDirectories(runDirectory);
      boolean first = !Files.exists(file) || Files.size(file) == 0;
      String entry = (first ? "" : "\n---\n\n") + allText;
      Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      warnings.add("chat: could not write " + file + ": " + e.getMessage()
          + "; check that the run folder is writable");
    }
    return file;
  }

  private String warning(ChatFailure failure) {
    return settings.redact("chat: " + failure.getMessage() + GOES_ON);
  }
}
