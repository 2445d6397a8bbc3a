package dev.slimgate.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a phase's chat thread remembers between runs, so that a restarted Jenkins keeps using
 * the same thread and the release managers are called only once.
 *
 * @param commit the commit whose run opened the thread
 * @param channel the channel id Slack answered with (chat.update needs the id, not the name)
 * @param ts the timestamp id of the top message; null outside the bot-token mode
 * @param build the build that opened the thread, or null
 * @param releaseManagersMentioned whether the release managers were called for this phase
 */
public record ChatState(
    @JsonProperty("phase_id") String phaseId,
    @JsonProperty("commit") String commit,
    @JsonProperty("channel") String channel,
    @JsonProperty("ts") String ts,
    @JsonProperty("build") String build,
    @JsonProperty("release_managers_mentioned") boolean releaseManagersMentioned) {

  ChatState withThread(String newCommit, String newChannel, String newTs, String newBuild) {
    return new ChatState(phaseId, newCommit, newChannel, newTs, newBuild,
        releaseManagersMentioned);
  }

  ChatState withMentioned() {
    return new ChatState(phaseId, commit, channel, ts, build, true);
  }
}
