package io.flowascode.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short names for Stream Selector predicates, made from the words of each expression
 * (`${record:value("/amount") >= LIMIT}` gives `amount_limit`), without EL function names and
 * the words every predicate has. Unique within the selector, never `default`, `p1`, `p2`... when
 * an expression has no words.
 */
final class PredicateNames {
  private static final Pattern FUNCTION = Pattern.compile("\\b[A-Za-z]+:[A-Za-z]+\\s*\\(");
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*|\\d+");
  private static final Set<String> NOISE = Set.of("record", "value", "true", "false", "null", "and", "or", "not",
      "eq", "ne", "lt", "gt", "le", "ge", "empty");
  private static final int MAX_WORDS = 4;
  private static final int MAX_LENGTH = 32;

  private PredicateNames() {}

  static List<String> of(List<String> expressions) {
    List<String> names = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    taken.add("default");
    for (int i = 0; i < expressions.size(); i++) {
      String name = slug(expressions.get(i));
      if (name.isEmpty()) {
        name = "p" + (i + 1);
      }
      String unique = name;
      for (int n = 2; !taken.add(unique); n++) {
        unique = name + "_" + n;
      }
      names.add(unique);
    }
    return names;
  }

  private static String slug(String expression) {
    String body = expression.trim();
    if (body.startsWith("${") && body.endsWith("}")) {
      body = body.substring(2, body.length() - 1);
    }
    body = FUNCTION.matcher(body).replaceAll(" ");
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(body);
    while (m.find() && words.size() < MAX_WORDS) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (!NOISE.contains(w) && !words.contains(w)) {
        words.add(w);
      }
    }
    String slug = String.join("_", words);
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("_+$", "");
    }
    if (!slug.isEmpty() && Character.isDigit(slug.charAt(0))) {
      slug = "p_" + slug;
    }
    return slug;
  }
}
