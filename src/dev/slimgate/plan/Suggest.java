package dev.slimgate.plan;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" suggestions for misspelt keys and ids. */
public final class Suggest {

  private Suggest() {}

  /** The allowed word nearest to {@code word} if it is close enough to be a typo. */
  public static Optional<String> closest(String word, Collection<String> allowed) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : allowed) {
      int d = distance(word.toLowerCase(), candidate.toLowerCase());
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    // one typo in a short word; two (a swap of two letters counts two) from four letters on
    int limit = word.length() < 4 ? 1 : Math.max(2, word.length() / 3);
    return best != null && bestDistance <= limit
        ? Optional.of(best) : Optional.empty();
  }

  /** The edit distance between two words (insertions, deletions, substitutions). */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
