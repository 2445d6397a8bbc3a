package dev.slimgate.run;

import dev.slimgate.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the slimgate command line in-process and keeps what it printed. */
record CliRun(int exit, String out, String err) {

  static CliRun of(Map<String, String> labels, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    labels.forEach((k, v) -> {
      all.add("--label");
      all.add(k + "=" + v);
    });
    return ofRaw(all.toArray(String[]::new));
  }

  static CliRun ofRaw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
