package dev.slimgate.chat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.slimgate.core.InfrastructureException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps one {@link ChatState} per phase as {@code <state-dir>/chat-<phase>.json}. Writes go to
 * a temporary file that is then renamed over the old one, so a Jenkins killed mid-write leaves
 * either the old or the new state, never half a file.
 *
 * <p>TODO: two notifications of the same phase at the same moment (parallel Jenkins stages) can
 * both read the old state and both open a thread; a file lock around read-post-write would
 * serialise them. Not done yet because the pipeline notifies after each stage in sequence.
 */
public final class ChatStateStore {

  private final Path directory;
  private final ObjectMapper json;

  public ChatStateStore(Path directory) {
    this.directory = directory;
    this.json = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The state file of a phase; the phase id was checked against {@link ChatSummary#PHASE_ID}. */
  public Path file(String phaseId) {
    return directory.resolve("chat-" + phaseId + ".json");
  }

  /**
   * Reads the state of a phase.
   *
   * @return empty when there is none yet
   * @throws IOException when the file exists but cannot be read or parsed
   */
  public Optional<ChatState> load(String phaseId) throws IOException {
    try {
      return Optional.of(json.readValue(Files.readAllBytes(file(phaseId)), ChatState.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Writes the state of a phase atomically. */
  public void save(ChatState state) {
    Path target = file(state.phaseId());
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, ".chat-" + state.phaseId(), ".tmp");
      try {
        Files.write(temporary, json.writeValueAsBytes(state));
        move(temporary, target);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new InfrastructureException("could not write the chat state " + target + ": "
          + e.getMessage() + "; check that the state directory is writable", e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // same directory, so this only happens on exotic file systems; a plain replace is the best
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
