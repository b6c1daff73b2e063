package io.flowascode.compiler.fragment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames runtime parameters where expressions use them, as the platform does when a fragment is
 * used with a parameter prefix: in every `${...}` of every text of a stage, each bare name that is
 * one of the fragment's parameters (`${BUCKET}`, `${TARGET_DB}.${TARGET_SCHEMA}`,
 * `${record:value('/a') + MAX}`) gets its new name, and nothing else changes: functions
 * (`file:fileName`), names inside string literals, and names the map does not hold keep theirs.
 */
public final class ParameterReferences {
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern NAME = Pattern.compile("(?<![\\w:./])([A-Za-z_][A-Za-z0-9_]*)(?![\\w:(])");

  private ParameterReferences() {}

  /** A copy of the tree with the names renamed; texts without `${` are shared, not copied. */
  public static JsonNode rename(JsonNode node, Map<String, String> names) {
    if (names.isEmpty() || node == null) {
      return node;
    }
    if (node.isTextual()) {
      String renamed = rename(node.asText(), names);
      return renamed.equals(node.asText()) ? node : TextNode.valueOf(renamed);
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = object.objectNode();
      object.properties().forEach(e -> copy.set(e.getKey(), rename(e.getValue(), names)));
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = array.arrayNode();
      array.forEach(item -> copy.add(rename(item, names)));
      return copy;
    }
    return node;
  }

  /** The text with the names renamed inside its expressions. */
  public static String rename(String text, Map<String, String> names) {
    if (text == null || !text.contains("${")) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = EXPRESSION.matcher(text);
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start(1));
      out.append(renameInBody(m.group(1), names));
      last = m.end(1);
    }
    out.append(text, last, text.length());
    return out.toString();
  }

  private static String renameInBody(String body, Map<String, String> names) {
    List<int[]> literals = new ArrayList<>();
    Matcher lit = STRING_LITERAL.matcher(body);
    while (lit.find()) {
      literals.add(new int[] {lit.start(), lit.end()});
    }
    StringBuilder out = new StringBuilder();
    Matcher n = NAME.matcher(body);
    int last = 0;
    while (n.find()) {
      String to = names.get(n.group(1));
      if (to == null || insideLiteral(n.start(), literals)) {
        continue;
      }
      out.append(body, last, n.start()).append(to);
      last = n.end();
    }
    out.append(body, last, body.length());
    return out.toString();
  }

  private static boolean insideLiteral(int at, List<int[]> literals) {
    for (int[] l : literals) {
      if (at >= l[0] && at < l[1]) {
        return true;
      }
    }
    return false;
  }
}
