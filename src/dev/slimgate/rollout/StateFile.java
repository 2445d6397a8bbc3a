package dev.slimgate.rollout;

import dev.slimgate.core.InfrastructureException;
import dev.slimgate.core.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads and writes the rollout state file ({@code phases/state.yaml}). Writing goes through a
 * temporary file in the same folder and an atomic rename, so a reader or a crashed run never
 * sees half a file.
 */
public final class StateFile {

  static final String SCHEMA = "slimgate.state/1";

  private static final String HEADER =
      "# Rollout state, written by `slimgate advance` and `slimgate rollback`.\n"
          + "# Change it only through them, in a merge request, so that the history stays"
          + " complete.\n";

  private final Path path;

  public StateFile(Path path) {
    this.path = path;
  }

  /** The state in the file, or the initial state when the file does not exist yet. */
  public PhaseState read() {
    if (!Files.exists(path)) {
      return PhaseState.INITIAL;
    }
    Object root;
    try {
      root = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(path));
    } catch (IOException e) {
      throw new InfrastructureException("cannot read the state file " + path + ": " + e, e);
    } catch (YamlEngineException e) {
      throw invalid("it is not valid YAML (" + firstLine(e.getMessage()) + ")");
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw invalid("its top level is not a mapping");
    }
    if (!SCHEMA.equals(map.get("schema"))) {
      throw invalid("schema is '" + map.get("schema") + "', expected '" + SCHEMA + "'");
    }
    String phase = optionalPhase(map.get("phase"), "phase");
    List<AuditEntry> history = new ArrayList<>();
    Object rawHistory = map.get("history");
    if (rawHistory != null && !(rawHistory instanceof List<?>)) {
      throw invalid("history is not a list");
    }
    if (rawHistory != null) {
      int index = 0;
      for (Object item : (List<?>) rawHistory) {
        history.add(entry(item, index++));
      }
    }
    String lastTo = history.isEmpty() ? null : history.get(history.size() - 1).to();
    if (!Objects.equals(phase, lastTo)) {
      throw invalid("phase is " + phase + " but the last history entry leads to " + lastTo
          + "; the file was edited by hand. Restore it from Git and change it only through"
          + " slimgate advance or slimgate rollback");
    }
    return new PhaseState(phase, history);
  }

  /** Replaces the file with {@code state}, atomically. */
  public void write(PhaseState state) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("phase", state.phase());
    List<Map<String, Object>> history = new ArrayList<>();
    for (AuditEntry e : state.history()) {
      history.add(toMap(e));
    }
    root.put("history", history);
    String yaml = HEADER + new Dump(DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setWidth(100)
        .build()).dumpToString(root);
    Path folder = path.toAbsolutePath().getParent();
    try {
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, ".state-", ".yaml.tmp");
      try {
        Files.writeString(temporary, yaml, StandardCharsets.UTF_8);
        move(temporary);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new InfrastructureException("cannot write the state file " + path + ": " + e
          + "; check that its folder is writable", e);
    }
  }

  private void move(Path temporary) throws IOException {
    try {
      Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // same folder, so this only happens on odd file systems; a plain replace is the best left
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Map<String, Object> toMap(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("action", e.action());
    m.put("from", e.from());
    m.put("to", e.to());
    m.put("approver", e.approver());
    m.put("author", e.author());
    m.put("at", e.at().toString());
    m.put("reason", e.reason());
    m.put("report", e.report());
    m.put("reportSha256", e.reportSha256());
    return m;
  }

  private AuditEntry entry(Object item, int index) {
    String where = "history entry " + (index + 1);
    if (!(item instanceof Map<?, ?> m)) {
      throw invalid(where + " is not a mapping");
    }
    String action = text(m, "action", where);
    if (!action.equals("advance") && !action.equals("rollback")) {
      throw invalid(where + " has action '" + action + "', expected advance or rollback");
    }
    Instant at;
    try {
      at = Instant.parse(text(m, "at", where));
    } catch (DateTimeParseException e) {
      throw invalid(where + " has at '" + m.get("at") + "', expected an ISO-8601 instant");
    }
    return new AuditEntry(action,
        optionalPhase(m.get("from"), where + " from"),
        optionalPhase(m.get("to"), where + " to"),
        text(m, "approver", where),
        optionalText(m.get("author")),
        at,
        text(m, "reason", where),
        optionalText(m.get("report")),
        optionalText(m.get("reportSha256")));
  }

  private String text(Map<?, ?> m, String key, String where) {
    Object value = m.get(key);
    if (value == null || value.toString().isBlank()) {
      throw invalid(where + " has no " + key);
    }
    return value.toString();
  }

  private static String optionalText(Object value) {
    return value == null ? null : value.toString();
  }

  private String optionalPhase(Object value, String what) {
    if (value == null) {
      return null;
    }
    if (!Phases.ORDER.contains(value.toString())) {
      throw invalid(what + " is '" + value + "', expected one of " + Phases.ORDER + " or null");
    }
    return value.toString();
  }

  private UsageException invalid(String what) {
    return new UsageException("the state file " + path + " cannot be used: " + what);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
