package dev.slimgate.run;

import dev.slimgate.report.HtmlReport;
import dev.slimgate.report.JsonReport;
import dev.slimgate.report.JunitReport;
import dev.slimgate.report.MarkdownReport;
import dev.slimgate.report.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's report files: report.json, report.md, report.html and the JUnit file. The one
 * place that does, so that every rewrite (after regression, after a chat or forge warning) keeps
 * all of them, with the regression section when the folder has one.
 */
public final class ReportFiles {

  static final String REGRESSION_SECTION = "regression/regression.md";

  public void write(RunReport report, RunFolder folder) {
    folder.write("report.json", new JsonReport().render(report));
    folder.write("report.md", new MarkdownReport().render(report) + regression(folder));
    folder.write("report.html", new HtmlReport().render(report));
    folder.write("junit/slimgate-checks.xml", new JunitReport().render(report));
  }

  private static String regression(RunFolder folder) {
    Path md = folder.resolve(REGRESSION_SECTION);
    try {
      return Files.isRegularFile(md) ? "\n" + Files.readString(md) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + md + ": " + e.getMessage(), e);
    }
  }
}
