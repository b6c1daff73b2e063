package io.flowascode.compiler.schema.gen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A regular expression for the values one typo away from a name, so that a schema can say "did you
 * mean `Trash`?" where an editor would otherwise list every allowed value: the name in any case,
 * and the name with one character left out, changed, added or two neighbours swapped. The name
 * itself matches too; the schema excludes the allowed values separately.
 */
final class NearMisses {
  private NearMisses() {}

  /** An ECMA-262 pattern, anchored, for the typos of {@code name}. */
  static String pattern(String name) {
    Set<String> alternatives = new LinkedHashSet<>();
    alternatives.add(anyCase(name));
    int n = name.length();
    for (int i = 0; i < n; i++) {
      String before = quote(name.substring(0, i));
      // Left out or changed: any one character, or none, in place of character i.
      alternatives.add(before + ".?" + quote(name.substring(i + 1)));
      // One added before character i.
      alternatives.add(before + "." + quote(name.substring(i)));
      if (i + 1 < n && name.charAt(i) != name.charAt(i + 1)) {
        alternatives.add(before + quote(String.valueOf(name.charAt(i + 1))) + quote(String.valueOf(name.charAt(i)))
            + quote(name.substring(i + 2)));
      }
    }
    alternatives.add(quote(name) + ".");
    List<String> list = new ArrayList<>(alternatives);
    return "^(?:" + String.join("|", list) + ")$";
  }

  /** `[Tt][Rr][Aa][Ss][Hh]`: the name whatever its letters' case. */
  private static String anyCase(String name) {
    StringBuilder sb = new StringBuilder();
    for (char ch : name.toCharArray()) {
      String lower = String.valueOf(ch).toLowerCase(Locale.ROOT);
      String upper = String.valueOf(ch).toUpperCase(Locale.ROOT);
      if (!lower.equals(upper) && lower.length() == 1 && upper.length() == 1) {
        sb.append('[').append(upper).append(lower).append(']');
      } else {
        sb.append(quote(String.valueOf(ch)));
      }
    }
    return sb.toString();
  }

  private static String quote(String s) {
    return ConfigSchemas.quoteRegex(s);
  }
}
