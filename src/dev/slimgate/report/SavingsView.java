package dev.slimgate.report;

import static dev.slimgate.plan.Units.formatSize;

import dev.slimgate.report.RunReport.ExpectedSaving;
import dev.slimgate.report.RunReport.MeasuredSaving;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The savings of a run as people read them: each component counted once, largest first, a row
 * for what lies outside the plan's components, and packages apart, since their bytes are part
 * of the components'.
 */
record SavingsView(List<Row> expected, List<MeasuredSaving> components,
    List<MeasuredSaving> packages, long elsewhere, long total) {

  /** One expected saving with its measured counterpart, both as text. */
  record Row(String label, String component, String expected, String measured) {}

  static SavingsView of(RunReport r) {
    List<Row> rows = new ArrayList<>();
    Set<String> counted = new HashSet<>();
    for (ExpectedSaving s : r.expectedSavings()) {
      String measured;
      if (s.measured() == null) {
        measured = "";
      } else if (!counted.add(s.component())) {
        // two changes of one component: its shrinkage is shown once, on the first
        measured = "(with the row above)";
      } else {
        measured = formatSize(s.measured());
      }
      rows.add(new Row(s.change(), s.component() == null ? "" : s.component(),
          formatSize(s.bytes()), measured));
    }
    Comparator<MeasuredSaving> largest = Comparator.comparingLong(MeasuredSaving::bytes)
        .reversed();
    List<MeasuredSaving> components = r.measuredSavings().stream()
        .filter(m -> m.label().startsWith("component ")).sorted(largest)
        .map(m -> new MeasuredSaving(m.label().substring("component ".length()), m.bytes()))
        .toList();
    List<MeasuredSaving> packages = r.measuredSavings().stream()
        .filter(m -> m.label().startsWith("package ")).sorted(largest)
        .map(m -> new MeasuredSaving(m.label().substring("package ".length()), m.bytes()))
        .toList();
    long total = r.baseline().bytes() - r.candidateBytes();
    long inComponents = components.stream().mapToLong(MeasuredSaving::bytes).sum();
    return new SavingsView(rows, components, packages, total - inComponents, total);
  }
}
