package dev.slimgate.regression.compare;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TableComparatorTest {

  private final TableComparator table = new TableComparator(new Tolerance(1e-6, 1e-4, 10));

  private Outcome compare(String a, String b) {
    return table.compare("weights.txt", a.getBytes(UTF_8), b.getBytes(UTF_8));
  }

  @Test
  void identicalTablesPass() {
    assertEquals(Verdict.PASS, compare("1 2 3\n4 5 6\n", "1 2 3\n4 5 6\n").verdict());
  }

  @Test
  void aValueInsideTolerancePasses() {
    assertEquals(Verdict.PASS, compare("1 2 3\n4 5 6\n", "1 2 3\n4 5.0001 6\n").verdict());
  }

  @Test
  void aValueBeyondToleranceFailsNamingLineAndColumn() {
    Outcome outcome = compare("# matrix\n1 2 3\n4 5 6\n", "# matrix\n1 2 3\n4 5 7\n");

    assertEquals("line 3, column 3", outcome.first().place());
  }

  @Test
  void aValueBeyondToleranceFails() {
    assertEquals(Verdict.FAIL, compare("1 2 3\n", "1 2 4\n").verdict());
  }

  @Test
  void theLargestErrorIsReportedWithItsPlace() {
    Outcome outcome = compare("1 2 3\n4 5 6\n", "1 2.5 3\n4 5 9\n");

    assertEquals("line 2, column 3", outcome.largest().place());
  }

  @Test
  void aValueInTheReviewBandIsInconclusive() {
    // allowed: 1e-6 + 1e-4 * 100 = 0.010001; review up to 0.10001
    assertEquals(Verdict.INCONCLUSIVE, compare("100\n", "100.05\n").verdict());
  }

  @Test
  void commentsAndBlankLinesAreIgnored() {
    Outcome outcome = compare("# command_history: tck2connectome a b\n\n1 2 # x\n",
        "# command_history: tck2connectome c d\n1 2\n");

    assertEquals(Verdict.PASS, outcome.verdict(), outcome.describe());
  }

  @Test
  void commaSeparatedValuesAreReadAsColumns() {
    assertEquals(Verdict.PASS, compare("1,2,3\n", "1 2 3\n").verdict());
  }

  @Test
  void aMissingRowFails() {
    Outcome outcome = compare("1 2\n3 4\n", "1 2\n");

    assertEquals("rows: baseline 2 rows, candidate 1 rows", outcome.first().describe());
  }

  @Test
  void aMissingColumnFailsNamingTheRow() {
    Outcome outcome = compare("1 2\n3 4\n", "1 2\n3\n");

    assertEquals("row 2 (line 2)", outcome.first().place());
  }

  @Test
  void differentWordsFail() {
    Outcome outcome = compare("label 1\n", "labels 1\n");

    assertEquals("line 1, column 1", outcome.first().place());
  }

  @Test
  void nanEqualsNan() {
    assertEquals(Verdict.PASS, compare("nan 1\n", "NaN 1\n").verdict());
  }
}
