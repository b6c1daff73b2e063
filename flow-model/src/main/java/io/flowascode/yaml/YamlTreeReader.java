package io.flowascode.yaml;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.Position;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads one YAML 1.2 document into a Jackson tree and a {@link SourceMap}, with SnakeYAML Engine
 * as the only parser. Everything wrong with the text becomes a diagnostic; nothing is thrown.
 */
public final class YamlTreeReader {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final YamlLimits limits;

  public YamlTreeReader(YamlLimits limits) {
    this.limits = limits;
  }

  public YamlTreeReader() {
    this(YamlLimits.DEFAULT);
  }

  public Optional<SourceTree> read(SourceFile file, Diagnostics out) {
    String text = file.text();
    if (text.length() > limits.maxFileBytes()) {
      out.report(Code.TOO_LARGE, Span.ofFile(file.name()),
          "the file has " + text.length() + " characters, more than the limit of " + limits.maxFileBytes(), "",
          "split the flow, or check that this is the file you meant");
      return Optional.empty();
    }
    LoadSettings settings = LoadSettings.builder()
        .setLabel(file.name())
        .setSchema(new CoreSchema())
        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
        .setMaxAliasesForCollections(limits.maxAliases())
        .setAllowRecursiveKeys(false)
        // Let lists and mappings as keys through so the tree builder reports them with their place.
        .setAllowNonScalarKeys(true)
        .setUseMarks(true)
        // The reader copies its window on every refill; with the default 1 KiB window a long
        // value costs time quadratic in its length (a 10 MB value took 20 s, now 0.2 s).
        .setBufferSize(Math.max(1024, Math.min(text.length() + 1, 1 << 20)))
        .build();
    Optional<ReplayedEvents> events = prescan(file, settings, out);
    if (events.isEmpty()) {
      return Optional.empty();
    }
    // About one node per event, keys and collection ends not being nodes: size the source map
    // once instead of rehashing it a dozen times on the way to 10^5 entries.
    int eventCount = events.get().size();
    Node root;
    try {
      // Compose from the events the prescan already parsed: the same events in the same order
      // as parsing again, at half the cost.
      root = new Composer(settings, events.get()).getSingleNode().orElse(null);
    } catch (MarkedYamlEngineException e) {
      reportSyntax(file, e, out);
      return Optional.empty();
    } catch (YamlEngineException e) {
      reportEngine(file, e, out);
      return Optional.empty();
    } catch (StackOverflowError e) {
      out.report(Code.TOO_DEEP, Span.ofFile(file.name()), "the document nests too deeply to read", "",
          "flow files never need more than a few levels of nesting");
      return Optional.empty();
    }
    if (root == null || isEmptyValue(root)) {
      out.report(Code.EMPTY_DOCUMENT, Span.ofFile(file.name()), "the file holds no flow", "",
          "a flow file starts with a `flow:` section; see the language reference in the README");
      return Optional.empty();
    }
    Builder builder = new Builder(file, out, eventCount);
    JsonNode tree = builder.convert(root, "", 0);
    if (builder.aborted) {
      return Optional.empty();
    }
    return Optional.of(new SourceTree(file, tree, new SourceMap(builder.spans, file)));
  }

  /** A document of only `---`, `~` or `null` holds no flow either. */
  private static boolean isEmptyValue(Node root) {
    return root instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
  }

  /**
   * Parses events once to bound depth, size and expansion before building any node graph; the
   * events, when the document may be composed.
   */
  private Optional<ReplayedEvents> prescan(SourceFile file, LoadSettings settings, Diagnostics out) {
    DocumentPrescan scan = new DocumentPrescan(file, limits, out);
    ArrayDeque<Event> seen = new ArrayDeque<>();
    try {
      Iterator<Event> events = new Parse(settings).parseString(file.text()).iterator();
      while (events.hasNext()) {
        Event e = events.next();
        if (!scan.accept(e)) {
          return Optional.empty();
        }
        seen.add(DetachedEvents.of(e));
      }
      return scan.composable() ? Optional.of(new ReplayedEvents(seen)) : Optional.empty();
    } catch (MarkedYamlEngineException e) {
      reportSyntax(file, e, out);
      return Optional.empty();
    } catch (YamlEngineException e) {
      reportEngine(file, e, out);
      return Optional.empty();
    } catch (NumberFormatException e) {
      // SnakeYAML Engine fails this way (not with a marked error) when the file ends right after
      // the letter of an x, u or U hex escape in a double-quoted value.
      int at = file.text().lastIndexOf('\\');
      Span where = at < 0 ? Span.ofFile(file.name()) : file.span(at, file.text().length());
      out.add(Diagnostic.of(Code.YAML_SYNTAX, where, "invalid YAML: the file ends inside an escape sequence")
          .label("incomplete escape")
          .help("finish the escape, e.g. `\\u00e9`, and close the quote")
          .build());
      return Optional.empty();
    }
  }

  private static void reportSyntax(SourceFile file, MarkedYamlEngineException e, Diagnostics out) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    Span where = mark.map(m -> pointSpan(file, m)).orElse(Span.ofFile(file.name()));
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    int offset = where.start().offset();
    boolean tab = (offset < file.text().length() && file.text().charAt(offset) == '\t')
        || problem.contains("\\t") || problem.contains("'\t'");
    if (tab) {
      out.add(Diagnostic.of(Code.TAB_INDENT, where, "a tab character where YAML allows only spaces")
          .label("tab")
          .help("indent with spaces; YAML does not allow tabs for indentation")
          .build());
      return;
    }
    String context = e.getContext() == null ? "" : cleanProblem(e.getContext());
    if (context.contains("quoted scalar") && problem.contains("end of stream") && e.getContextMark().isPresent()) {
      // The scanner notices at the end of the file; the mistake is where the quote opens.
      out.add(Diagnostic.of(Code.YAML_SYNTAX, pointSpan(file, e.getContextMark().get()),
              "invalid YAML: a quoted value is not closed")
          .label("this quote is never closed")
          .related(where, "the file ends inside the quoted value")
          .help("add the closing quote")
          .build());
      return;
    }
    Diagnostic.Builder b = Diagnostic.of(Code.YAML_SYNTAX, where, "invalid YAML: " + cleanProblem(problem))
        .label(cleanProblem(problem));
    if (!context.isEmpty() && e.getContextMark().isPresent() && e.getProblemMark().isPresent()) {
      b.related(pointSpan(file, e.getContextMark().get()), contextWords(context));
    }
    String help = syntaxHelp(problem);
    if (help != null) {
      b.help(help);
    }
    out.add(b.build());
  }

  /** Says where the parser was in words a flow author uses, not the YAML grammar's. */
  private static String contextWords(String context) {
    return switch (context) {
      case "while parsing a flow sequence" -> "in the `[ ]` list that starts here";
      case "while parsing a flow mapping" -> "in the `{ }` mapping that starts here";
      case "while parsing a block mapping" -> "in the mapping that starts here";
      case "while parsing a block collection" -> "in the list that starts here";
      case "while scanning a double-quoted scalar", "while scanning a quoted scalar" ->
          "in the quoted value that starts here";
      default -> context;
    };
  }

  private static String cleanProblem(String problem) {
    return problem.replace("\n", " ").replaceAll("\\s+", " ").trim();
  }

  private static @Nullable String syntaxHelp(String problem) {
    String p = problem.toLowerCase(java.util.Locale.ROOT);
    if (p.contains("found unexpected end of stream") || p.contains("while scanning a quoted scalar")) {
      return "a quoted value is not closed: add the closing quote";
    }
    if (p.contains("expected ',' or ']'") || p.contains("expected ',' or '}'")) {
      return "a [ ] or { } list is not closed, or its items are not separated by commas";
    }
    if (p.contains("expected <block end>")) {
      return "the line is indented differently from the lines around it; keys of one mapping line up";
    }
    if (p.contains("mapping values are not allowed")) {
      return "a value containing `: ` must be quoted, or the line is indented wrongly";
    }
    if (p.contains("special characters are not allowed") || p.contains("unacceptable code point")) {
      return "the file contains control characters; is it a binary file?";
    }
    return null;
  }

  private static void reportEngine(SourceFile file, YamlEngineException e, Diagnostics out) {
    String msg = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof ReaderException reader) {
      // The reader counts code points from the start of the text; point at the character itself.
      String text = file.text();
      int codePoints = text.codePointCount(0, text.length());
      int at = text.offsetByCodePoints(0, Math.max(0, Math.min(reader.getPosition(), codePoints)));
      int end = at < text.length() ? text.offsetByCodePoints(at, 1) : at;
      out.add(Diagnostic.of(Code.YAML_SYNTAX, file.span(at, end),
              String.format("the control character U+%04X is not allowed in YAML", reader.getCodePoint()))
          .label("control character")
          .help("the file contains control characters; is it a binary file?")
          .build());
      return;
    }
    if (msg.contains("aliases")) {
      out.report(Code.TOO_MANY_ALIASES, Span.ofFile(file.name()),
          "the file uses more YAML aliases than the limit allows", "",
          "aliases that expand into large structures are refused; write the values out");
    } else if (msg.contains("code point") || msg.contains("exceeds the limit")) {
      out.report(Code.TOO_LARGE, Span.ofFile(file.name()), "the file is larger than allowed", "", null);
    } else {
      out.report(Code.YAML_SYNTAX, Span.ofFile(file.name()), "invalid YAML: " + cleanProblem(msg), "", null);
    }
  }

  static Span span(SourceFile file, Optional<Mark> start, Optional<Mark> end) {
    if (start.isEmpty()) {
      return Span.ofFile(file.name());
    }
    Position s = position(file, start.get());
    Position e = end.map(m -> position(file, m)).orElse(s);
    return new Span(file.name(), s, e.offset() >= s.offset() ? e : s);
  }

  private static Position position(SourceFile file, Mark m) {
    return file.positionAt(m.getLine() + 1, m.getColumn() + 1);
  }

  private static Span pointSpan(SourceFile file, Mark m) {
    int s = offset(file, m);
    int e = s < file.text().length() ? file.text().offsetByCodePoints(s, 1) : s;
    return file.span(s, e);
  }

  private static int offset(SourceFile file, Mark m) {
    return file.offsetOf(m.getLine() + 1, m.getColumn() + 1);
  }

  /** Converts the node graph while recording spans and checking what compose does not. */
  private final class Builder {
    private final SourceFile file;
    private final Diagnostics out;
    private final Map<String, NodeSpans> spans;
    private final IdentityHashMap<Node, Boolean> onPath = new IdentityHashMap<>();
    private int nodes;
    private boolean aborted;

    Builder(SourceFile file, Diagnostics out, int eventCount) {
      this.file = file;
      this.out = out;
      this.spans = new HashMap<>(Math.max(16, eventCount));
    }

    JsonNode convert(Node node, String pointer, int depth) {
      return convert(node, pointer, depth, Optional.empty());
    }

    JsonNode convert(Node node, String pointer, int depth, Optional<Span> keySpan) {
      if (aborted) {
        return JSON.nullNode();
      }
      if (++nodes > limits.maxNodes()) {
        aborted = true;
        out.report(Code.TOO_MANY_ALIASES, span(file, node.getStartMark(), node.getEndMark()),
            "the document expands to more than " + limits.maxNodes() + " values", "expands here",
            "aliases that expand into large structures are refused; write the values out");
        return JSON.nullNode();
      }
      Span valueSpan = span(file, node.getStartMark(), node.getEndMark());
      spans.putIfAbsent(pointer, new NodeSpans(keySpan, valueSpan));
      if (onPath.containsKey(node)) {
        aborted = true;
        out.report(Code.ALIAS_USED, valueSpan, "an alias refers to a node that contains it", "recursive alias",
            "remove the recursive reference");
        return JSON.nullNode();
      }
      if (node instanceof ScalarNode scalar) {
        return scalar(scalar, valueSpan);
      }
      onPath.put(node, Boolean.TRUE);
      try {
        if (node instanceof SequenceNode seq) {
          ArrayNode array = JSON.arrayNode();
          int i = 0;
          for (Node item : seq.getValue()) {
            array.add(convert(item, SourceMap.child(pointer, i++), depth + 1));
          }
          return array;
        }
        MappingNode map = (MappingNode) node;
        ObjectNode object = JSON.objectNode();
        Map<String, Span> seen = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
          Node keyNode = tuple.getKeyNode();
          Span keyAt = span(file, keyNode.getStartMark(), keyNode.getEndMark());
          if (!(keyNode instanceof ScalarNode keyScalar)) {
            out.report(Code.NON_STRING_KEY, keyAt, "a key must be a plain name, not a list or a mapping",
                "not a plain key", null);
            continue;
          }
          String key = keyScalar.getValue();
          Tag keyTag = keyScalar.getTag();
          if (!Tag.STR.equals(keyTag)) {
            out.report(Code.NON_STRING_KEY, keyAt,
                "the key `" + key + "` is read as a " + tagWord(keyTag) + ", not as a name",
                "not a string", "quote it: \"" + key + "\"");
            continue;
          }
          Span first = seen.putIfAbsent(key, keyAt);
          if (first != null) {
            out.add(Diagnostic.of(Code.DUPLICATE_KEY, keyAt, "the key `" + key + "` appears twice")
                .label("second `" + key + "`")
                .related(first, "first `" + key + "` here")
                .help("remove one of them; YAML keeps only one and the other would be lost silently")
                .build());
            continue;
          }
          String childPointer = SourceMap.child(pointer, key);
          object.set(key, convert(tuple.getValueNode(), childPointer, depth + 1, Optional.of(keyAt)));
        }
        return object;
      } finally {
        onPath.remove(node);
      }
    }

    private JsonNode scalar(ScalarNode scalar, Span where) {
      String v = scalar.getValue();
      Tag tag = scalar.getTag();
      if (Tag.NULL.equals(tag)) {
        return JSON.nullNode();
      }
      if (Tag.BOOL.equals(tag)) {
        return JSON.booleanNode(v.equalsIgnoreCase("true"));
      }
      if (Tag.INT.equals(tag)) {
        try {
          BigInteger n;
          if (v.startsWith("0o")) {
            n = new BigInteger(v.substring(2), 8);
          } else if (v.startsWith("0x")) {
            n = new BigInteger(v.substring(2), 16);
          } else {
            n = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
          }
          return n.bitLength() < 64 ? JSON.numberNode(n.longValue()) : JSON.numberNode(n);
        } catch (NumberFormatException e) {
          return JSON.textNode(v);
        }
      }
      if (Tag.FLOAT.equals(tag)) {
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("inf") || lower.contains("nan")) {
          out.report(Code.INVALID_VALUE, where, "`" + v + "` is not a finite number", "not finite",
              "quote it if you meant text: \"" + v + "\"");
          return JSON.textNode(v);
        }
        try {
          double d = new java.math.BigDecimal(v.startsWith("+") ? v.substring(1) : v).doubleValue();
          if (Double.isInfinite(d)) {
            // 1e400 overflows a double; an infinite value is neither JSON nor a valid config.
            out.report(Code.INVALID_VALUE, where, "`" + v + "` is too large for a number", "too large",
                "quote it if you meant text: \"" + v + "\"");
            return JSON.textNode(v);
          }
          return JSON.numberNode(d);
        } catch (NumberFormatException e) {
          return JSON.textNode(v);
        }
      }
      return JSON.textNode(v);
    }
  }

  private static String tagWord(Tag tag) {
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      return "number";
    }
    if (Tag.BOOL.equals(tag)) {
      return "boolean";
    }
    if (Tag.NULL.equals(tag)) {
      return "null";
    }
    return tag.getValue();
  }
}
