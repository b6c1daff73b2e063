package io.flowascode.compiler.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the bare names used inside `${...}` expressions, to tell used from unused parameters. */
final class ParameterUse {
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern NAME = Pattern.compile("(?<![\\w:./])([A-Za-z_][A-Za-z0-9_]*)(?![\\w:(])");

  private ParameterUse() {}

  static Set<String> namesIn(JsonNode node) {
    Set<String> names = new TreeSet<>();
    collect(node, names);
    return names;
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      String text = node.asText();
      if (!text.contains("${")) {
        return; // most values hold no expression; skip the matchers
      }
      Matcher m = EXPRESSION.matcher(text);
      while (m.find()) {
        String body = STRING_LITERAL.matcher(m.group(1)).replaceAll(" ");
        Matcher n = NAME.matcher(body);
        while (n.find()) {
          names.add(n.group(1));
        }
      }
    } else if (node.isContainerNode()) {
      node.forEach(child -> collect(child, names));
    }
  }
}
