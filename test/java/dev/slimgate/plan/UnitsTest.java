package dev.slimgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

  @ParameterizedTest
  @CsvSource({
      "1048576, 1048576",
      "28GB, 28000000000",
      "28 GB, 28000000000",
      "28GiB, 30064771072",
      "28 GiB, 30064771072",
      "2.93GB, 2930000000",
      "512MiB, 536870912",
      "45KiB, 46080",
      "1.5 mb, 1500000"})
  void parsesSizes(String text, long bytes) {
    assertEquals(bytes, Units.parseSize(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "GB", "12 elephants", "-3GB", "1.5", "1e9"})
  void rejectsWhatIsNotASize(String text) {
    assertThrows(IllegalArgumentException.class, () -> Units.parseSize(text));
  }

  @ParameterizedTest
  @CsvSource({"90s, 90000", "5m, 300000", "12h, 43200000", "1h30m, 5400000", "500ms, 500"})
  void parsesDurations(String text, long millis) {
    assertEquals(millis, Units.parseDurationMillis(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "90", "5 minutes", "1h 30m", "s"})
  void rejectsWhatIsNotADuration(String text) {
    assertThrows(IllegalArgumentException.class, () -> Units.parseDurationMillis(text));
  }

  @ParameterizedTest
  @CsvSource({"0, 0 B", "999, 999 B", "1000, 1.0 kB", "40100000, 40.1 MB",
      "32400000000, 32.4 GB", "-9600000, -9.6 MB"})
  void formatsSizesLikeDocker(long bytes, String text) {
    assertEquals(text, Units.formatSize(bytes));
  }
}
