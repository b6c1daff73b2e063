package io.flowascode.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.config.ValueEquality;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.SourceFile;
import io.flowascode.yaml.SourceTree;
import io.flowascode.yaml.YamlTreeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.NonPrintableStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes a flow document (a JSON tree with its keys in the order to write) as YAML with SnakeYAML
 * Engine, in the style of the samples: block mappings, short scalar lists and one-line stages in
 * flow style, multi-line text as literal blocks, expressions with spaces in quotes. The
 * emitter quotes whatever YAML 1.2 would read as another type; the text is then read back with
 * the compiler's own reader and must give the same tree, so a flow file never silently changes a
 * value.
 */
final class FlowYamlWriter {
  static final String MODELINE = "# yaml-language-server: $schema=../schemas/flow.schema.json\n";

  private static final int SHORT = 72;
  private static final Pattern WHITESPACE_OR_QUOTE = Pattern.compile("[\\s\"']");
  private static final CoreSchema SCHEMA = new CoreSchema();
  private static final ScalarResolver RESOLVER = SCHEMA.getScalarResolver();
  private static final DumpSettings SETTINGS = DumpSettings.builder()
      .setSchema(SCHEMA)
      .setDefaultFlowStyle(FlowStyle.BLOCK)
      .setIndent(2)
      .setIndicatorIndent(2)
      .setIndentWithIndicator(true)
      .setWidth(Integer.MAX_VALUE)
      .setSplitLines(false)
      .setNonPrintableStyle(NonPrintableStyle.ESCAPE)
      .build();

  private FlowYamlWriter() {}

  /** Collects the emitter's output. */
  private static final class TextOut extends java.io.StringWriter implements StreamDataWriter {
    @Override
    public void flush() {
      // Nothing buffered beyond the string itself.
    }
  }

  static String write(JsonNode document) {
    TextOut out = new TextOut();
    new Dump(SETTINGS).dumpNode(node(document, "", false), out);
    String text = MODELINE + out;
    verify(text, document);
    return text;
  }

  private static void verify(String text, JsonNode document) {
    Diagnostics problems = new Diagnostics();
    Optional<SourceTree> read = new YamlTreeReader().read(new SourceFile("imported.flow.yaml", text), problems);
    if (read.isEmpty() || problems.hasErrors() || !ValueEquality.same(read.get().root(), document)) {
      // A defect in the writer, not in the input: the emitter must never change what it writes.
      throw new IllegalStateException("the YAML written for the flow does not read back as the same document");
    }
  }

  private static Node node(JsonNode value, String path, boolean inFlow) {
    if (value.isObject()) {
      boolean flow = inFlow || oneLineStage(value, path);
      List<NodeTuple> tuples = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        tuples.add(new NodeTuple(text(e.getKey(), ScalarStyle.PLAIN, flow),
            node(e.getValue(), path + "/" + e.getKey(), flow)));
      }
      return new MappingNode(Tag.MAP, tuples, flow ? FlowStyle.FLOW : FlowStyle.BLOCK);
    }
    if (value.isArray()) {
      boolean flow = inFlow || shortScalarList(value, path);
      List<Node> items = new ArrayList<>();
      value.forEach(v -> items.add(node(v, path + "/-", flow)));
      return new SequenceNode(Tag.SEQ, items, flow ? FlowStyle.FLOW : FlowStyle.BLOCK);
    }
    return scalar(value, inFlow);
  }

  /** `source: {label: Trash}`: a stage with only a few short scalar keys. */
  private static boolean oneLineStage(JsonNode stage, String path) {
    if (!path.matches("/stages/[^/]+")) {
      return false;
    }
    int length = 0;
    for (JsonNode v : stage) {
      if (!v.isValueNode() || (v.isTextual() && v.asText().contains("\n"))) {
        return false;
      }
      length += v.asText().length() + 12;
    }
    return stage.size() <= 3 && length <= SHORT;
  }

  /** `labels: [a, b]`, `fields: [/x, /y]`; connection lines stay one per line. */
  private static boolean shortScalarList(JsonNode list, String path) {
    if (list.isEmpty() || path.equals("/connections") || path.equals("/events")) {
      return list.isEmpty();
    }
    int length = 0;
    for (JsonNode v : list) {
      if (!v.isValueNode() || (v.isTextual() && (v.asText().contains("\n") || v.asText().isEmpty()))) {
        return false;
      }
      length += v.asText().length() + 2;
    }
    return length <= SHORT;
  }

  private static ScalarNode scalar(JsonNode value, boolean inFlow) {
    if (value.isNull()) {
      return new ScalarNode(Tag.NULL, "null", ScalarStyle.PLAIN);
    }
    if (value.isBoolean()) {
      return new ScalarNode(Tag.BOOL, value.asText(), ScalarStyle.PLAIN);
    }
    if (value.isIntegralNumber()) {
      return new ScalarNode(Tag.INT, value.bigIntegerValue().toString(), ScalarStyle.PLAIN);
    }
    if (value.isNumber()) {
      return new ScalarNode(Tag.FLOAT, value.asText(), ScalarStyle.PLAIN);
    }
    String text = value.asText();
    if (text.contains("\n") && !text.contains("\r")) {
      return text(text, ScalarStyle.LITERAL, inFlow);
    }
    if (text.contains("${") && WHITESPACE_OR_QUOTE.matcher(text).find()) {
      // Expressions quote strings themselves; pick the quote that needs no doubling.
      boolean single = !text.contains("'") || text.contains("\"");
      return text(text, single ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.DOUBLE_QUOTED, inFlow);
    }
    return text(text, ScalarStyle.PLAIN, inFlow);
  }

  private static ScalarNode text(String text, ScalarStyle style, boolean inFlow) {
    // A plain `${NAME}` resolves to the engine's ENV tag, which the compiler reads as text: keep it
    // plain, as people write it, instead of letting the emitter quote a "non-string". Inside `[...]`
    // or `{...}` braces cannot be plain, so there it is an ordinary, quoted, string.
    if (style == ScalarStyle.PLAIN && !inFlow && Tag.ENV_TAG.equals(RESOLVER.resolve(text, true))) {
      return new ScalarNode(Tag.ENV_TAG, text, ScalarStyle.PLAIN);
    }
    return new ScalarNode(Tag.STR, text, style);
  }
}
