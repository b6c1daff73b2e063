package io.flowascode.diagnostic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for every name a user types: the closest known names by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /** Up to {@code max} candidates close enough to {@code typed} to be a likely typo, best first. */
  public static List<String> closest(String typed, Collection<String> candidates, int max) {
    String t = normalize(typed);
    record Scored(String name, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (String c : candidates) {
      String n = normalize(c);
      int d = n.equals(t) ? 0 : distance(t, n);
      int limit = Math.max(2, Math.min(t.length(), n.length()) / 3);
      if (d <= limit || (t.length() >= 3 && (n.contains(t) || t.contains(n)) && n.length() >= 3)) {
        scored.add(new Scored(c, d));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
    return scored.stream().map(Scored::name).distinct().limit(max).toList();
  }

  public static Optional<String> best(String typed, Collection<String> candidates) {
    return closest(typed, candidates, 1).stream().findFirst();
  }

  /** `did you mean `a`?`, `did you mean one of `a`, `b`?`, or empty when nothing is close. */
  public static Optional<String> didYouMean(String typed, Collection<String> candidates) {
    List<String> c = closest(typed, candidates, 3);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    if (c.size() == 1) {
      return Optional.of("did you mean `" + c.get(0) + "`?");
    }
    return Optional.of("did you mean one of " + String.join(", ", c.stream().map(s -> "`" + s + "`").toList()) + "?");
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", "");
  }

  /** Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions). */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 12) {
      return Integer.MAX_VALUE / 2;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
