package io.flowascode.compiler.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks a flow file in the small ways editing breaks files: a line deleted or duplicated, two
 * characters swapped, the text cut short, a stray character typed, a value replaced by one of
 * another type. Driven by a seeded {@link Random}, so every mutation can be reproduced.
 */
final class FlowMutator {
  /** One way of breaking a file. */
  enum Kind {
    DELETE_LINE, DUPLICATE_LINE, SWAP_ADJACENT_CHARACTERS, TRUNCATE, INSERT_CHARACTER, REPLACE_VALUE
  }

  /** Characters that mean something to YAML or to the connection syntax, and a few that mean nothing. */
  private static final String[] INSERTED = {
      ":", "[", "]", "{", "}", "'", "\"", "\t", "-", "#", ">", ">>", ",", "&", "*", "!", "|", "%", "@", "`",
      "\n", " ", "$", "${", "\\", "é", "\u0007", "\u00a0", "x", "7"};

  /** Values of every YAML type, to put where a value of some type was. */
  private static final String[] VALUES = {
      "[]", "{}", "42", "-1", "0", "3.5", "1e400", "true", "no", "null", "~", "''", "[a, b]", "{a: 1}",
      "'${X}'", "[[]]", "{a: [1, {b: c}]}", "\"\\u00e9\"", "99999999999999999999", "-", "'>>'", "a >> b"};

  private static final Pattern KEY_VALUE = Pattern.compile("^(\\s*(?:- )?[^\\s#:][^:#]*:\\s+)(\\S.*)$");

  private FlowMutator() {}

  /** A mutated copy of the text, by the given kind. */
  static String mutate(String text, Kind kind, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    return switch (kind) {
      case DELETE_LINE -> {
        lines.remove(random.nextInt(lines.size()));
        yield String.join("\n", lines);
      }
      case DUPLICATE_LINE -> {
        int i = random.nextInt(lines.size());
        lines.add(i, lines.get(i));
        yield String.join("\n", lines);
      }
      case SWAP_ADJACENT_CHARACTERS -> {
        if (text.length() < 2) {
          yield text + text;
        }
        int i = random.nextInt(text.length() - 1);
        yield text.substring(0, i) + text.charAt(i + 1) + text.charAt(i) + text.substring(i + 2);
      }
      case TRUNCATE -> text.substring(0, random.nextInt(text.length() + 1));
      case INSERT_CHARACTER -> {
        int i = random.nextInt(text.length() + 1);
        yield text.substring(0, i) + INSERTED[random.nextInt(INSERTED.length)] + text.substring(i);
      }
      case REPLACE_VALUE -> {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          if (KEY_VALUE.matcher(lines.get(i)).matches()) {
            candidates.add(i);
          }
        }
        if (candidates.isEmpty()) {
          yield text + "\n" + VALUES[random.nextInt(VALUES.length)];
        }
        int i = candidates.get(random.nextInt(candidates.size()));
        Matcher m = KEY_VALUE.matcher(lines.get(i));
        m.matches();
        lines.set(i, m.group(1) + VALUES[random.nextInt(VALUES.length)]);
        yield String.join("\n", lines);
      }
    };
  }
}
