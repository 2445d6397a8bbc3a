package dev.slimgate.forge.fakes;

import dev.slimgate.core.Events;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event line, so that tests can assert on them and scan them for secrets. */
public final class RecordingEvents implements Events {

  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void info(String message) {
    lines.add("INFO " + message);
  }

  @Override
  public synchronized void warn(String message) {
    lines.add("WARN " + message);
  }

  @Override
  public synchronized void progress(String subject, long done, long total) {
    lines.add("PROGRESS " + subject + " " + done + "/" + total);
  }

  @Override
  public synchronized void detail(String message) {
    lines.add("DETAIL " + message);
  }

  public synchronized List<String> lines() {
    return new ArrayList<>(lines);
  }

  public synchronized String all() {
    return String.join("\n", lines);
  }
}
