package io.flowascode.engine.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the diff compares, fingerprints and prints configuration values: numbers by numeric value,
 * objects regardless of key order, and an absent value, JSON null, `[]` and `{}` as the same
 * "empty" value at the top of a config (the platform writes `[]` where a definition's default is
 * null, and `{}` where the UI writes `[]`).
 */
public final class JsonValues {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonValues() {}

  /** True for Java null, JSON null, a missing node and an empty array or object. */
  public static boolean isEmpty(JsonNode node) {
    return node == null
        || node.isNull()
        || node.isMissingNode()
        || (node.isContainerNode() && node.size() == 0);
  }

  /** Java null for an absent or JSON-null value, so change records have one way to say "none". */
  public static JsonNode orAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node;
  }

  /** Whether two config values mean the same to the platform. */
  public static boolean equivalent(JsonNode a, JsonNode b) {
    if (isEmpty(a) && isEmpty(b)) {
      return true;
    }
    return deepEquals(a, b);
  }

  private static boolean deepEquals(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    if (a.isNumber() && b.isNumber()) {
      return numbersEqual(a, b);
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!deepEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : a.properties()) {
        JsonNode other = b.get(field.getKey());
        if (other == null || !deepEquals(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static boolean numbersEqual(JsonNode a, JsonNode b) {
    if (!isFinite(a) || !isFinite(b)) {
      return a.doubleValue() == b.doubleValue();
    }
    return a.decimalValue().compareTo(b.decimalValue()) == 0;
  }

  private static boolean isFinite(JsonNode n) {
    return !n.isFloatingPointNumber() || n.isBigDecimal() || Double.isFinite(n.doubleValue());
  }

  /**
   * A string that is equal for equivalent values (object keys sorted, numbers normalised, every
   * empty value the same), used to fingerprint stages when looking for renames.
   */
  public static String canonical(JsonNode node) {
    if (isEmpty(node)) {
      return "~";
    }
    StringBuilder out = new StringBuilder();
    appendCanonical(node, out);
    return out.toString();
  }

  private static void appendCanonical(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isNumber()) {
      out.append(isFinite(node)
          ? normalise(node.decimalValue())
          : Double.toString(node.doubleValue()));
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        appendCanonical(node.get(i), out);
      }
      out.append(']');
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(quote(names.get(i))).append(':');
        appendCanonical(node.get(names.get(i)), out);
      }
      out.append('}');
    } else {
      out.append(compact(node));
    }
  }

  private static String normalise(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
  }

  /** The value as compact JSON (strings quoted), `null` for an absent value. */
  public static String compact(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "null";
    }
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** A string as a JSON string literal. */
  public static String quote(String s) {
    return compact(MAPPER.getNodeFactory().textNode(s));
  }
}
