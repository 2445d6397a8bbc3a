package dev.slimgate.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitsTest {

  @Test
  void textWithinTheLimitIsUnchanged() {
    assertEquals("x".repeat(3000), Limits.truncate("x".repeat(3000), 3000));
  }

  @ParameterizedTest
  @CsvSource({"3001, 3000", "100000, 3000", "200, 150", "12000, 2000"})
  void cutTextNeverExceedsTheLimit(int length, int max) {
    assertTrue(Limits.truncate("x".repeat(length), max).length() <= max);
  }

  @Test
  void theMarkerCountsWhatWasLeftOut() {
    String cut = Limits.truncate("x".repeat(5000), 3000);

    int kept = cut.indexOf(' ');
    assertTrue(cut.endsWith(Limits.marker(5000 - kept)), cut.substring(kept));
  }

  @Test
  void theStartOfTheTextIsKept() {
    String text = "abcdef".repeat(1000);

    assertTrue(text.startsWith(Limits.truncate(text, 3000).substring(0, 2900)));
  }

  @Test
  void anEmojiIsNotSplitInHalf() {
    String text = "x".repeat(2943) + "😀".repeat(100);

    String cut = Limits.truncate(text, 3000);

    String kept = cut.substring(0, cut.indexOf(" … ["));
    assertEquals(kept.codePoints().count() * 2 - 2943, (long) kept.length());
  }
}
