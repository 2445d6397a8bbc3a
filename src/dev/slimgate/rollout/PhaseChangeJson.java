package dev.slimgate.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.slimgate.core.InfrastructureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a recorded phase change as JSON ({@code slimgate.phase-change/1}), the machine result
 * that the Jenkins step {@code advancePhase} reads and hands on to chat.
 */
public final class PhaseChangeJson {

  static final String SCHEMA = "slimgate.phase-change/1";

  /** The JSON text for {@code entry}, recorded in the state file {@code state}. */
  public String render(AuditEntry entry, Path state) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", SCHEMA);
    m.put("action", entry.action());
    m.put("from", entry.from());
    m.put("to", entry.to());
    m.put("approver", entry.approver());
    m.put("author", entry.author());
    m.put("at", entry.at().toString());
    m.put("reason", entry.reason());
    m.put("report", entry.report());
    m.put("reportSha256", entry.reportSha256());
    m.put("state", state.toString());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    } catch (IOException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }

  /** Writes {@link #render} to {@code out}, creating its folder. */
  public void write(AuditEntry entry, Path state, Path out) {
    try {
      Path folder = out.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Files.writeString(out, render(entry, state) + "\n");
    } catch (IOException e) {
      throw new InfrastructureException("cannot write " + out + ": " + e
          + "; the state file was already changed, so do not run the command again", e);
    }
  }
}
