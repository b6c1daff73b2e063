package io.flowascode.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.jspecify.annotations.Nullable;

/**
 * Lays a flow file out the one canonical way (`flow fmt`), as `terraform fmt` and `gofmt` do, so
 * that a diff shows what changed and not who wrote it: two-space indentation, lists indented under
 * their key, the sections in the language's order (`flow`, `stages`, `connections`, `events`) and
 * the keys of `flow:` and of each stage too, one space inside `{ }`, a collection written inline
 * kept inline while it fits on a line, at most one blank line in a row, no trailing spaces, one
 * final newline. What it never changes: every comment (moved with the key it is above), every
 * scalar as written (quotes, escapes, block scalars), the order of configs, parameters, predicates
 * and connections, and so the flow's meaning.
 *
 * <p>Call it on a file the reader accepts (one YAML document); it throws {@link
 * IllegalArgumentException} on text it cannot parse.
 */
public final class FlowFormatter {
  /** Inline collections longer than this are written as blocks. */
  static final int MAX_LINE = 100;
  private static final String INDENT = "  ";

  private static final List<String> ROOT_ORDER = List.of("flow", "stages", "connections", "events");
  private static final List<String> FLOW_ORDER = List.of("id", "title", "description", "labels", "parameters", "settings",
      "error_records", "start_event", "stop_event");
  private static final List<String> STAGE_ORDER = List.of("label", "type", "library", "name", "version", "instance_name",
      "description", "config", "predicates");
  private static final List<String> CONNECTION_ORDER = List.of("from", "predicate", "output", "to");

  private final String source;
  private final StringBuilder out = new StringBuilder();
  /** A blank line was seen and is written before the next line, so that runs of them become one. */
  private boolean pendingBlank;

  private FlowFormatter(String source) {
    this.source = source;
  }

  /** The canonical layout of a flow file's text. */
  public static String format(String text) {
    String source = text.replace("\r\n", "\n").replace('\r', '\n');
    if (source.startsWith("\uFEFF")) {
      source = source.substring(1);
    }
    LoadSettings settings = LoadSettings.builder().setParseComments(true).setSchema(new CoreSchema())
        .setUseMarks(true).build();
    Node root;
    try {
      root = new Compose(settings).composeString(source).orElse(null);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the text is not YAML the formatter can read: " + e.getMessage(), e);
    }
    if (root == null) {
      // Only comments (or nothing): keep the comments, tidy the lines.
      return tidyComments(source);
    }
    if (anchored(root)) {
      throw new IllegalArgumentException("the file uses YAML anchors (&) and aliases (*), which fmt cannot lay out "
          + "without writing the shared values out; it is left as it is");
    }
    FlowFormatter f = new FlowFormatter(source);
    f.document(root);
    return f.out.toString();
  }

  private static boolean anchored(Node node) {
    if (node.getAnchor().isPresent()) {
      return true;
    }
    if (node instanceof MappingNode m) {
      return m.getValue().stream().anyMatch(t -> anchored(t.getKeyNode()) || anchored(t.getValueNode()));
    }
    if (node instanceof SequenceNode q) {
      return q.getValue().stream().anyMatch(FlowFormatter::anchored);
    }
    return false;
  }

  /** True when the text is already laid out canonically. */
  public static boolean isFormatted(String text) {
    return format(text).equals(text);
  }

  private void document(Node root) {
    comments(root.getBlockComments(), 0);
    if (root instanceof MappingNode m && m.getFlowStyle() == FlowStyle.BLOCK) {
      blockMapping(m, 0, Context.ROOT);
    } else {
      value(root, 0, Context.OTHER, 0);
      newline();
    }
    comments(root.getEndComments(), 0);
    while (out.length() > 1 && out.charAt(out.length() - 1) == '\n' && out.charAt(out.length() - 2) == '\n') {
      out.setLength(out.length() - 1);
    }
  }

  /** Where a mapping is, for the order of its keys. */
  private enum Context {
    ROOT, FLOW, STAGES, STAGE, SPECIAL_STAGE, CONNECTIONS, CONNECTION, OTHER;

    List<String> order() {
      return switch (this) {
        case ROOT -> ROOT_ORDER;
        case FLOW -> FLOW_ORDER;
        case STAGE, SPECIAL_STAGE -> STAGE_ORDER;
        case CONNECTION -> CONNECTION_ORDER;
        default -> List.of();
      };
    }

    Context child(String key) {
      return switch (this) {
        case ROOT -> switch (key) {
          case "flow" -> FLOW;
          case "stages" -> STAGES;
          case "connections", "events" -> CONNECTIONS;
          default -> OTHER;
        };
        case FLOW -> switch (key) {
          case "error_records", "start_event", "stop_event" -> SPECIAL_STAGE;
          default -> OTHER;
        };
        case STAGES -> STAGE;
        case CONNECTIONS -> CONNECTION;
        default -> OTHER;
      };
    }
  }

  private List<NodeTuple> ordered(MappingNode m, Context context) {
    List<String> order = context.order();
    List<NodeTuple> tuples = new ArrayList<>(m.getValue());
    if (order.isEmpty()) {
      return tuples;
    }
    // Known keys in the language's order, then the others as written (a stable sort).
    tuples.sort(Comparator.comparingInt(t -> {
      int i = t.getKeyNode() instanceof ScalarNode k ? order.indexOf(k.getValue()) : -1;
      return i < 0 ? order.size() : i;
    }));
    return tuples;
  }

  private void blockMapping(MappingNode m, int indent, Context context) {
    for (NodeTuple t : ordered(m, context)) {
      Node key = t.getKeyNode();
      Node value = t.getValueNode();
      comments(key.getBlockComments(), indent);
      pad(indent);
      out.append(text(key));
      String keyName = key instanceof ScalarNode s ? s.getValue() : "";
      Context childContext = context.child(keyName);
      out.append(':');
      if (isEmptyScalar(value)) {
        inline(isEmpty(value.getInLineComments()) ? key.getInLineComments() : value.getInLineComments());
        newline();
        continue;
      }
      if (value instanceof MappingNode vm && isBlock(vm)) {
        inline(isEmpty(value.getInLineComments()) ? key.getInLineComments() : value.getInLineComments());
        newline();
        comments(value.getBlockComments(), indent + 1);
        blockMapping(vm, indent + 1, childContext);
        comments(value.getEndComments(), indent + 1);
      } else if (value instanceof SequenceNode vs && isBlock(vs)) {
        inline(isEmpty(value.getInLineComments()) ? key.getInLineComments() : value.getInLineComments());
        newline();
        comments(value.getBlockComments(), indent + 1);
        blockSequence(vs, indent + 1, childContext);
        comments(value.getEndComments(), indent + 1);
      } else {
        out.append(' ');
        value(value, indent + 1, childContext, column());
        inline(isEmpty(value.getInLineComments()) ? key.getInLineComments() : value.getInLineComments());
        newline();
        comments(value.getEndComments(), indent + 1);
      }
    }
  }

  private void blockSequence(SequenceNode s, int indent, Context context) {
    for (Node item : s.getValue()) {
      comments(item.getBlockComments(), indent);
      if (item instanceof MappingNode first && isBlock(first)) {
        // Comments above the item's first key go above the dash.
        Node firstKey = ordered(first, context).get(0).getKeyNode();
        comments(firstKey.getBlockComments(), indent);
        firstKey.setBlockComments(null);
      }
      pad(indent);
      out.append("- ");
      if (item instanceof MappingNode m && isBlock(m)) {
        // The first key on the dash's line, the others under it.
        String nested = renderNested(m, indent + 1, context);
        out.append(nested, (indent + 1) * INDENT.length(), nested.length());
        continue;
      }
      if (item instanceof SequenceNode q && isBlock(q)) {
        String nested = renderNestedSequence(q, indent + 1, context);
        out.append(nested, (indent + 1) * INDENT.length(), nested.length());
        continue;
      }
      value(item, indent + 1, context, column());
      inline(item.getInLineComments());
      newline();
      comments(item.getEndComments(), indent + 1);
    }
  }

  private String renderNested(MappingNode m, int indent, Context context) {
    FlowFormatter inner = new FlowFormatter(source);
    inner.blockMapping(m, indent, context);
    inner.comments(m.getEndComments(), indent);
    return inner.out.toString();
  }

  private String renderNestedSequence(SequenceNode q, int indent, Context context) {
    FlowFormatter inner = new FlowFormatter(source);
    inner.blockSequence(q, indent, context);
    return inner.out.toString();
  }

  /** A value after `key: ` or `- `: a scalar as written, or an inline collection. */
  private void value(Node node, int indent, Context context, int startColumn) {
    if (node instanceof ScalarNode s) {
      out.append(scalar(s, indent));
      return;
    }
    String inline = inlineCollection(node, true);
    if (inline != null && startColumn + inline.length() <= MAX_LINE) {
      out.append(inline);
      return;
    }
    // Too long, or holding comments or multi-line scalars, for one line: written as a block.
    out.setLength(trimEnd());
    newline();
    if (node instanceof MappingNode m) {
      blockMapping(m, indent, context);
    } else if (node instanceof SequenceNode q) {
      blockSequence(q, indent, context);
    }
    out.setLength(out.length() - 1); // the caller ends the line
  }

  /**
   * `{ a: 1, b: [x, y] }`, `[a, b]`, `{}`; null when it cannot be one line (comments inside it, a
   * multi-line scalar). The collection's own comments, above or after it, stay where they are.
   */
  private @Nullable String inlineCollection(Node node, boolean top) {
    if (top ? hasInnerComments(node) : hasComments(node)) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      String text = text(s);
      return text.contains("\n") || s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED
          ? null : text;
    }
    List<String> parts = new ArrayList<>();
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        String k = inlineCollection(t.getKeyNode(), false);
        String v = isEmptyScalar(t.getValueNode()) ? "" : inlineCollection(t.getValueNode(), false);
        if (k == null || v == null) {
          return null;
        }
        parts.add(v.isEmpty() ? k + ":" : k + ": " + v);
      }
      return parts.isEmpty() ? "{}" : "{ " + String.join(", ", parts) + " }";
    }
    if (node instanceof SequenceNode q) {
      for (Node item : q.getValue()) {
        String v = inlineCollection(item, false);
        if (v == null) {
          return null;
        }
        parts.add(v);
      }
      return "[" + String.join(", ", parts) + "]";
    }
    return null;
  }

  private static boolean hasComments(Node node) {
    if (!isEmpty(node.getBlockComments()) || !isEmpty(node.getInLineComments()) || !isEmpty(node.getEndComments())) {
      return true;
    }
    return hasInnerComments(node);
  }

  private static boolean hasInnerComments(Node node) {
    if (!isEmpty(node.getEndComments())) {
      return true;
    }
    if (node instanceof MappingNode m) {
      return m.getValue().stream().anyMatch(t -> hasComments(t.getKeyNode()) || hasComments(t.getValueNode()));
    }
    if (node instanceof SequenceNode q) {
      return q.getValue().stream().anyMatch(FlowFormatter::hasComments);
    }
    return false;
  }

  /** A scalar exactly as written; a block scalar re-indented under its key; a multi-line flow scalar on one line. */
  private String scalar(ScalarNode s, int indent) {
    String text = text(s);
    ScalarStyle style = s.getScalarStyle();
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      return blockScalar(text, indent);
    }
    if (text.contains("\n")) {
      // A plain or quoted scalar folded over several lines: the same value, double-quoted on one line.
      return doubleQuoted(s.getValue());
    }
    return text;
  }

  private String blockScalar(String text, int indent) {
    int firstBreak = text.indexOf('\n');
    if (firstBreak < 0) {
      return text;
    }
    String header = text.substring(0, firstBreak);
    String body = text.substring(firstBreak + 1);
    String[] lines = body.split("\n", -1);
    if (header.matches(".*\\d.*")) {
      // An explicit indentation indicator ties the content to the original columns: keep them.
      return text.stripTrailing();
    }
    int minIndent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        minIndent = Math.min(minIndent, line.length() - line.stripLeading().length());
      }
    }
    if (minIndent == Integer.MAX_VALUE) {
      minIndent = 0;
    }
    String pad = INDENT.repeat(indent);
    StringBuilder b = new StringBuilder(header);
    // Trailing empty lines belong to the scalar only as its chomping keeps them; the end mark says how many.
    int last = lines.length;
    while (last > 0 && lines[last - 1].isBlank()) {
      last--;
    }
    int keptBlank = lines.length - last;
    for (int i = 0; i < last; i++) {
      String line = lines[i];
      b.append('\n');
      if (!line.isBlank()) {
        b.append(pad).append(line.substring(Math.min(minIndent, line.length())));
      }
    }
    // The value's own trailing newlines (kept with `|+`) are empty lines after the content.
    if (header.contains("+")) {
      for (int i = 1; i < keptBlank; i++) {
        b.append('\n');
      }
    }
    return b.toString();
  }

  private static String doubleQuoted(String value) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** The node's text in the source. */
  private String text(Node node) {
    int start = node.getStartMark().map(m -> m.getIndex()).orElse(0);
    int end = node.getEndMark().map(m -> m.getIndex()).orElse(start);
    String text = source.substring(start, Math.min(end, source.length()));
    if (node instanceof ScalarNode s && (s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED)) {
      return text;
    }
    return text.stripTrailing();
  }

  private static boolean isEmptyScalar(Node node) {
    return node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && s.getValue().isEmpty()
        && s.getStartMark().flatMap(a -> s.getEndMark().map(b -> a.getIndex() == b.getIndex())).orElse(true);
  }

  private static boolean isBlock(Node node) {
    if (node instanceof MappingNode m) {
      return m.getFlowStyle() == FlowStyle.BLOCK && !m.getValue().isEmpty();
    }
    if (node instanceof SequenceNode q) {
      return q.getFlowStyle() == FlowStyle.BLOCK && !q.getValue().isEmpty();
    }
    return false;
  }

  // ---- comments and lines --------------------------------------------------------------------

  /** Comment lines above a key or item: `# text` at its indentation; blank lines kept, one at most. */
  private void comments(List<CommentLine> lines, int indent) {
    if (lines == null) {
      return;
    }
    for (CommentLine c : lines) {
      if (c.getCommentType() == CommentType.BLANK_LINE) {
        pendingBlank = true;
        continue;
      }
      flushBlank();
      pad(indent);
      out.append('#').append(c.getValue().stripTrailing());
      newline();
    }
  }

  private void inline(List<CommentLine> comments) {
    if (isEmpty(comments)) {
      return;
    }
    for (CommentLine c : comments) {
      if (c.getCommentType() != CommentType.IN_LINE) {
        continue;
      }
      int originalColumn = c.getStartMark().map(m -> m.getColumn()).orElse(-1);
      int here = column();
      int at = originalColumn >= here + 1 ? originalColumn : here + 2;
      out.append(" ".repeat(Math.max(1, at - here))).append('#').append(c.getValue().stripTrailing());
    }
  }

  private void pad(int indent) {
    flushBlank();
    out.append(INDENT.repeat(indent));
  }

  private void flushBlank() {
    if (pendingBlank) {
      pendingBlank = false;
      if (out.length() > 0 && !(out.length() > 1 && out.charAt(out.length() - 2) == '\n' && out.charAt(out.length() - 1) == '\n')) {
        out.append('\n');
      }
    }
  }

  private void newline() {
    out.setLength(trimEnd());
    out.append('\n');
  }

  private int trimEnd() {
    int n = out.length();
    while (n > 0 && (out.charAt(n - 1) == ' ' || out.charAt(n - 1) == '\t')) {
      n--;
    }
    return n;
  }

  private int column() {
    int lastBreak = out.lastIndexOf("\n");
    return out.length() - lastBreak - 1;
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }

  /** A file of comments only: each line tidied, one final newline. */
  private static String tidyComments(String source) {
    StringBuilder b = new StringBuilder();
    for (String line : source.split("\n")) {
      b.append(line.stripTrailing()).append('\n');
    }
    String text = b.toString().replaceAll("\n{3,}", "\n\n").strip();
    return text.isEmpty() ? "" : text + "\n";
  }
}
