package dev.slimgate.chat;

import java.nio.file.Path;
import java.util.List;

/**
 * What a notification did. Warnings go into the report; chat never fails the pipeline.
 *
 * @param mode how the message was delivered
 * @param channel the channel id of the thread, or null outside the bot-token mode
 * @param threadTs the ts of the thread's top message, or null outside the bot-token mode
 * @param textFile the run folder's chat.md that holds the text of every message of the run
 * @param releaseManagersMentioned whether this notification called the release managers
 * @param warnings what went wrong, without the token; empty when all went well
 */
public record NotifyResult(
    ChatSettings.Mode mode,
    String channel,
    String threadTs,
    Path textFile,
    boolean releaseManagersMentioned,
    List<String> warnings) {

  public NotifyResult {
    warnings = List.copyOf(warnings);
  }
}
