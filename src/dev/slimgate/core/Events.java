package dev.slimgate.core;

/**
 * Levelled progress events. The engine has no logging of its own: it reports through this
 * interface and the front end (console, Jenkins, tests) decides how to show them.
 */
public interface Events {

  /** Discards every event; for tests and library callers that do not care. */
  Events NONE = new Events() {
    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {}

    @Override
    public void progress(String subject, long done, long total) {}
  };

  /** A lifecycle line in present tense naming its subject, e.g. "building image x (14 steps)". */
  void info(String message);

  /** Something went wrong but the run goes on; also shown in the report. */
  void warn(String message);

  /** Progress of a long task; {@code total} is 0 when unknown. */
  void progress(String subject, long done, long total);

  /** Low-level detail such as build output; hidden unless the front end is verbose. */
  default void detail(String message) {}
}
