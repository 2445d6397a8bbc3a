package dev.slimgate.cli;

import dev.slimgate.core.Events;
import java.io.PrintWriter;

/** Prints engine events as lines a person (or a Jenkins log) reads. */
final class ConsoleEvents implements Events {

  private final PrintWriter out;
  private final boolean verbose;

  ConsoleEvents(PrintWriter out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  @Override
  public void info(String message) {
    out.println(message);
    out.flush();
  }

  @Override
  public void warn(String message) {
    out.println("WARNING: " + message);
    out.flush();
  }

  @Override
  public void progress(String subject, long done, long total) {
    if (total > 0) {
      out.println("[" + done + "/" + total + "] " + subject);
    } else {
      out.println("[" + done + "] " + subject);
    }
    out.flush();
  }

  @Override
  public void detail(String message) {
    if (verbose) {
      out.println("  " + message);
    }
  }
}
