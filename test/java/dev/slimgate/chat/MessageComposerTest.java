package dev.slimgate.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.chat.ChatMessage.Fact;
import dev.slimgate.chat.ChatSummary.FailingCheck;
import dev.slimgate.chat.ChatSummary.Links;
import dev.slimgate.chat.ChatSummary.Saving;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageComposerTest {

  private final MessageComposer composer = new MessageComposer();

  private static ChatSummary sized(long baseline, long candidate, long budget) {
    return new ChatSummary("B", "", "abc", "", Verdict.INCONCLUSIVE, baseline, candidate, budget,
        List.of(), List.of(), List.of(), new Links(null, null, null));
  }

  private static String fact(ChatMessage message, String label) {
    return message.facts().stream().filter(f -> f.label().equals(label)).map(Fact::value)
        .findFirst().orElse("(absent)");
  }

  @ParameterizedTest
  @CsvSource({
      "28000000000, 29000000000, 1.00 GB under budget",
      "29500000000, 29000000000, 500 MB over budget",
      "29000000000, 29000000000, exactly at budget"})
  void theDeltaAgainstTheBudgetSaysUnderOrOver(long candidate, long budget, String expected) {
    assertEquals(expected, fact(composer.top(sized(32_400_000_000L, candidate, budget)),
        "Against budget"));
  }

  @Test
  void withoutABudgetThereIsNoBudgetFact() {
    assertEquals("(absent)", fact(composer.top(sized(10, 5, 0)), "Against budget"));
  }

  @Test
  void theSavingAgainstTheBaselineHasAPercentage() {
    assertEquals("4.40 GB (13.6%)", fact(composer.top(sized(32_400_000_000L,
        28_000_000_000L, 0)), "Saved against baseline"));
  }

  @Test
  void anEmptyBaselineGetsNoPercentage() {
    // dividing by a zero-byte baseline would print NaN or Infinity
    assertEquals("0 B", fact(composer.top(sized(0, 0, 0)), "Saved against baseline"));
  }

  @Test
  void aCandidateLargerThanTheBaselineSavesNothing() {
    assertEquals("none: the candidate is 1.00 GB larger",
        fact(composer.top(sized(1_000_000_000L, 2_000_000_000L, 0)), "Saved against baseline"));
  }

  @Test
  void theTopMessageListsTheThreeLargestSavingsLargestFirst() {
    ChatSummary summary = new ChatSummary("A", "", "abc", "", Verdict.PASS, 10, 5, 0,
        List.of(new Saving("small", 10), new Saving("huge", 1000), new Saving("mid", 100),
            new Saving("big", 500)), List.of(), List.of(), null);

    assertEquals(List.of("1. huge: 1.00 kB", "2. big: 500 B", "3. mid: 100 B"),
        composer.top(summary).sections().get(0).lines());
  }

  @Test
  void theTopMessageShowsTenChecksAndCountsTheRest() {
    List<FailingCheck> checks = IntStream.range(0, 25)
        .mapToObj(i -> new FailingCheck("check" + i, "m")).toList();
    ChatSummary summary = new ChatSummary("A", "", "abc", "", Verdict.FAIL, 10, 5, 0, List.of(),
        checks, List.of(), null);

    List<String> lines = composer.top(summary).sections().get(1).lines();
    assertEquals("11 and 15 more: see the thread and the report",
        lines.size() + " " + lines.get(10));
  }

  @Test
  void theReplyListsEveryCheck() {
    List<FailingCheck> checks = IntStream.range(0, 25)
        .mapToObj(i -> new FailingCheck("check" + i, "m")).toList();
    ChatSummary summary = new ChatSummary("A", "", "abc", "lint", Verdict.FAIL, 10, 5, 0,
        List.of(), checks, List.of(), null);

    assertEquals(25, composer.reply(summary, null).sections().get(0).lines().size());
  }

  @Test
  void theCommitIsShortened() {
    assertEquals("0123456789ab", fact(composer.top(Fixtures.failing("lint", Fixtures.COMMIT,
        null)), "Commit"));
  }

  @Test
  void theMentionMessageCarriesTheGroup() {
    ChatMessage message = composer.releaseManagers(Fixtures.passing("regression", "abc", null),
        "S1");

    assertTrue(message.mentionGroup().equals("S1")
        && message.headline().endsWith("passed all its gates and is ready to advance"));
  }

  @ParameterizedTest
  @CsvSource({"0, 0 B", "999, 999 B", "1000, 1.00 kB", "543000000, 543 MB",
      "2930000000, 2.93 GB", "32400000000, 32.4 GB", "999600000, 1.00 GB",
      "1500000000000, 1.50 TB"})
  void sizesAreDecimalWithThreeDigits(long bytes, String expected) {
    assertEquals(expected, Sizes.format(bytes));
  }
}
