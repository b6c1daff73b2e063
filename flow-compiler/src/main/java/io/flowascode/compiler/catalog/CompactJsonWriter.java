package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders a JSON tree for people reading diffs: objects and arrays of objects one entry per line
 * with a two-space indent, arrays of plain values on one line, a small object of plain values on
 * one line when the line stays short, and a final newline. The output depends only on the tree,
 * so the same tree always gives the same bytes.
 */
public final class CompactJsonWriter {
  // Lines up to this width may hold a whole small object, as {"name": "x", "type": "STRING"}.
  private static final int LINE_WIDTH = 120;

  private final StringBuilder out = new StringBuilder();

  private CompactJsonWriter() {}

  public static String write(JsonNode root) {
    CompactJsonWriter w = new CompactJsonWriter();
    w.value(root, 0);
    w.out.append('\n');
    return w.out.toString();
  }

  private void value(JsonNode n, int depth) {
    if (n.isObject()) {
      object(n, depth);
    } else if (n.isArray()) {
      array(n, depth);
    } else {
      scalar(n);
    }
  }

  private void object(JsonNode n, int depth) {
    if (n.isEmpty()) {
      out.append("{}");
      return;
    }
    if (fitsOnOneLine(n)) {
      return;
    }
    out.append("{\n");
    Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      indent(depth + 1);
      string(e.getKey());
      out.append(": ");
      value(e.getValue(), depth + 1);
      out.append(it.hasNext() ? ",\n" : "\n");
    }
    indent(depth);
    out.append('}');
  }

  private void array(JsonNode n, int depth) {
    if (n.isEmpty()) {
      out.append("[]");
      return;
    }
    if (flat(n)) {
      out.append('[');
      for (int i = 0; i < n.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        scalar(n.get(i));
      }
      out.append(']');
      return;
    }
    out.append("[\n");
    for (int i = 0; i < n.size(); i++) {
      indent(depth + 1);
      value(n.get(i), depth + 1);
      out.append(i + 1 < n.size() ? ",\n" : "\n");
    }
    indent(depth);
    out.append(']');
  }

  /** Writes a flat object on the current line if it fits, else writes nothing and says no. */
  private boolean fitsOnOneLine(JsonNode n) {
    for (JsonNode v : n) {
      if (v.isObject() || (v.isArray() && !flat(v))) {
        return false;
      }
    }
    int mark = out.length();
    int lineStart = out.lastIndexOf("\n") + 1;
    out.append('{');
    Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      string(e.getKey());
      out.append(": ");
      value(e.getValue(), 0);
      out.append(it.hasNext() ? ", " : "");
    }
    out.append('}');
    if (out.length() - lineStart + 1 > LINE_WIDTH) {
      out.setLength(mark);
      return false;
    }
    return true;
  }

  private static boolean flat(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isValueNode()) {
        return false;
      }
    }
    return true;
  }

  private void scalar(JsonNode n) {
    try {
      out.append(JsonDocuments.mapper().writeValueAsString(n));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void string(String s) {
    try {
      out.append(JsonDocuments.mapper().writeValueAsString(s));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void indent(int depth) {
    out.append("  ".repeat(depth));
  }
}
