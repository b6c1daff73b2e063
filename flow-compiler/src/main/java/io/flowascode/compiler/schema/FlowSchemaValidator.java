package io.flowascode.compiler.schema;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Suggestions;
import io.flowascode.yaml.NameFixes;
import io.flowascode.source.Span;
import io.flowascode.yaml.SourceMap;
import io.flowascode.yaml.SourceTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a flow's YAML tree against the published JSON Schema and translates each error into
 * words a flow author understands, pointing at the key for unknown keys and at the value for wrong
 * values.
 */
public final class FlowSchemaValidator {
  public static final String RESOURCE = "/io/flowascode/compiler/schema/flow-structure.schema.json";

  private final Schema schema;
  private final JsonNode schemaNode;

  public FlowSchemaValidator(JsonNode schemaNode) {
    this.schemaNode = schemaNode;
    this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
  }

  /** The validator for the schema bundled with the compiler. */
  public static FlowSchemaValidator bundled() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final FlowSchemaValidator INSTANCE = load();

    private static FlowSchemaValidator load() {
      try (InputStream in = FlowSchemaValidator.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the flow schema is missing from the compiler's resources: " + RESOURCE);
        }
        return new FlowSchemaValidator(new com.fasterxml.jackson.databind.ObjectMapper().readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public void validate(SourceTree tree, Diagnostics out) {
    List<Error> errors = schema.validate(tree.root());
    Set<String> anyOfStages = new LinkedHashSet<>();
    for (Error e : errors) {
      String pointer = pointer(e.getInstanceLocation());
      // The validator may report the failed `anyOf` itself or only its branches' `required`.
      boolean anyOfBranch = "required".equals(e.getKeyword()) && e.getSchemaLocation() != null
          && e.getSchemaLocation().toString().contains("/stage/anyOf/");
      if (("anyOf".equals(e.getKeyword()) || anyOfBranch) && pointer.matches("/stages/[^/]+")) {
        anyOfStages.add(pointer);
      }
    }
    Set<String> labelOrNameReported = new LinkedHashSet<>();
    for (Error e : errors) {
      translate(e, tree, anyOfStages, labelOrNameReported, out);
    }
  }

  private void translate(Error e, SourceTree tree, Set<String> anyOfStages, Set<String> labelOrNameReported,
      Diagnostics out) {
    SourceMap map = tree.map();
    String pointer = pointer(e.getInstanceLocation());
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    // Config values, predicates and connection lines get better messages from later phases.
    if (pointer.matches("/stages/[^/]+/config/.*") || pointer.matches("/flow/settings/.*")) {
      return;
    }
    if (pointer.matches("/(connections|events)/\\d+") && ("pattern".equals(keyword) || "if".equals(keyword))) {
      return;
    }
    if ("if".equals(keyword) || "then".equals(keyword) || "else".equals(keyword)) {
      return;
    }
    String where = context(pointer);
    switch (keyword) {
      case "additionalProperties" -> {
        String property = e.getProperty();
        String child = SourceMap.child(pointer, property);
        List<String> allowed = allowedProperties(e);
        Diagnostic.Builder b = Diagnostic.of(Code.UNKNOWN_PROPERTY, map.keySpan(child),
                "`" + property + "` is not a key of " + where)
            .label("unknown key");
        Suggestions.didYouMean(property, allowed).ifPresentOrElse(b::help,
            () -> { if (!allowed.isEmpty()) b.help("the keys here are " + quoteAll(allowed)); });
        b.fixes(NameFixes.replaceScalar(map.file(), map.keySpan(child), property, Suggestions.closest(property, allowed, 3)));
        out.add(b.build());
      }
      case "required" -> {
        String property = e.getProperty();
        if (anyOfStages.contains(pointer) && ("label".equals(property) || "name".equals(property) || "fragment".equals(property))) {
          labelOrNameMissing(map, pointer, where, labelOrNameReported, out);
          return;
        }
        Span span = map.keySpan(pointer);
        out.add(Diagnostic.of(Code.MISSING_PROPERTY, span,
                where + " needs " + article(property) + " `" + property + "`" + (pointer.isEmpty() ? " section" : ""))
            .label("`" + property + "` missing")
            .help(requiredHelp(pointer, property))
            .build());
      }
      case "anyOf" -> {
        if (anyOfStages.contains(pointer)) {
          labelOrNameMissing(map, pointer, where, labelOrNameReported, out);
        } else {
          generic(e, map, pointer, where, out);
        }
      }
      case "type" -> {
        JsonNode expected = e.getSchemaNode();
        String want = expected == null ? "another type" : typeWords(expected);
        // Where the schema allows text or a mapping (if/else), name both forms, not only the branch taken.
        if (pointer.matches("/(connections|events)/\\d+")) {
          want = "a connection like `a >> b`, or a mapping with `from` and `to`";
        } else if (pointer.matches("/(connections|events)/\\d+/to")) {
          want = "a stage id or a list of stage ids";
        } else if (pointer.matches("/flow/(error_records|start_event|stop_event|test_origin|stats_aggregator)")) {
          want = "a stage label, or a mapping with `label` and `config`";
        }
        Diagnostic.Builder b = Diagnostic.of(Code.WRONG_TYPE, map.valueSpan(pointer),
                where + " should be " + want + ", not " + describe(e.getInstanceNode()))
            .label("expected " + want);
        if (pointer.matches("/stages/[^/]+/predicates/[^/]+")) {
          b.help("write the condition as an expression in quotes, e.g. '${record:value(\"/amount\") > 1000}'");
        }
        if (pointer.matches("/stages/[^/]+") && e.getInstanceNode() != null && e.getInstanceNode().isTextual()) {
          // `trash: Trash` — the stage written as just its label.
          b.help("write `" + unescape(pointer.substring("/stages/".length())) + ": {label: "
              + e.getInstanceNode().asText() + "}`");
        }
        out.add(b.build());
      }
      case "enum" -> {
        List<String> values = new ArrayList<>();
        if (e.getSchemaNode() != null) {
          e.getSchemaNode().forEach(v -> values.add(v.asText()));
        }
        String actual = e.getInstanceNode() == null ? "?" : e.getInstanceNode().asText();
        Diagnostic.Builder b = Diagnostic.of(Code.INVALID_VALUE, map.valueSpan(pointer),
                "`" + actual + "` is not a valid value for " + where)
            .label("not one of " + quoteAll(values));
        Suggestions.didYouMean(actual, values).ifPresentOrElse(b::help, () -> b.help("use one of " + quoteAll(values)));
        b.fixes(NameFixes.replaceScalar(map.file(), map.valueSpan(pointer), actual, Suggestions.closest(actual, values, 3)));
        out.add(b.build());
      }
      case "pattern" -> pattern(e, map, pointer, out);
      case "false" -> KindOnlyKeys.report(map, pointer, out);
      case "propertyNames" -> {
        // Reported on the mapping, naming the offending key as the property.
        String key = e.getProperty() == null ? "" : e.getProperty();
        invalidId(map, SourceMap.child(pointer, key), key, true, out);
      }
      case "minimum" -> {
        if (pointer.endsWith("/output")) {
          out.add(Diagnostic.of(Code.INVALID_VALUE, map.valueSpan(pointer), where + " must be 1 or more")
              .label("outputs are numbered from 1")
              .help("number outputs as the UI does: 1 is the first")
              .build());
        } else {
          generic(e, map, pointer, where, out);
        }
      }
      case "minItems" -> {
        if (pointer.endsWith("/to")) {
          out.add(Diagnostic.of(Code.INVALID_VALUE, map.valueSpan(pointer), where + " names no stage")
              .label("empty list")
              .help("name at least one stage, e.g. `to: [trash]`, or remove the connection")
              .build());
        } else {
          generic(e, map, pointer, where, out);
        }
      }
      case "minLength" -> {
        if (pointer.equals("/flow/title")) {
          out.add(Diagnostic.of(Code.EMPTY_TITLE, map.valueSpan(pointer), "the flow title is empty")
              .label("empty")
              .help("give the flow a title, or remove `title` to use the id")
              .build());
        } else {
          out.add(Diagnostic.of(Code.INVALID_VALUE, map.valueSpan(pointer), where + " must not be empty")
              .label("empty").build());
        }
      }
      default -> generic(e, map, pointer, where, out);
    }
  }

  private static void labelOrNameMissing(SourceMap map, String pointer, String where, Set<String> reported,
      Diagnostics out) {
    if (reported.add(pointer)) {
      out.add(Diagnostic.of(Code.MISSING_PROPERTY, map.keySpan(pointer), where + " needs a `label` or a `name`")
          .label("no label or name")
          .help("add `label: <catalog label>`, e.g. `label: Trash`; or `fragment: <file>` to use a fragment")
          .build());
    }
  }

  private void pattern(Error e, SourceMap map, String pointer, Diagnostics out) {
    String value = e.getInstanceNode() == null ? "" : e.getInstanceNode().asText();
    if (pointer.equals("/flow/id") || pointer.equals("/fragment/id")) {
      out.add(Diagnostic.of(Code.INVALID_FLOW_ID, map.valueSpan(pointer),
              "the " + (pointer.startsWith("/flow") ? "flow" : "fragment") + " id `" + value + "` has characters the platform does not allow")
          .label("only letters, digits, `_` and `-`")
          .help("try `" + java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFD)
              .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9_-]+", "-") + "`")
          .build());
      return;
    }
    if (pointer.matches("/stages/[^/]+/(instance_id|parameter_prefix)")) {
      KindOnlyKeys.invalidInstance(map, pointer, value, out);
      return;
    }
    boolean isKey = pointer.matches("/stages/[^/]+") || isParameterName(pointer);
    invalidId(map, pointer, value, isKey, out);
  }

  private static void invalidId(SourceMap map, String pointer, String value, boolean isKey, Diagnostics out) {
    Span span = isKey ? map.keySpan(pointer) : map.valueSpan(pointer);
    String what = isParameterName(pointer) ? "parameter name" : "stage id";
    out.add(Diagnostic.of(Code.INVALID_ID, span, "`" + value + "` is not a valid " + what)
        .label("invalid " + what)
        .help(what.equals("stage id")
            ? "stage ids start with a letter or `_` and hold letters, digits, `_` and `-`"
            : "parameter names start with a letter or `_` and hold letters, digits and `_`")
        .build());
  }

  /** A parameter of the flow, of a fragment, or set by a stage that uses a fragment. */
  private static boolean isParameterName(String pointer) {
    return pointer.matches("/(flow|fragment)/parameters/[^/]+") || pointer.matches("/stages/[^/]+/parameters/[^/]+");
  }

  private void generic(Error e, SourceMap map, String pointer, String where, Diagnostics out) {
    out.add(Diagnostic.of(Code.SCHEMA_VIOLATION, map.valueSpan(pointer), where + ": " + e.getMessage().replaceFirst("^\\S+: ", ""))
        .label("here").build());
  }

  private List<String> allowedProperties(Error e) {
    List<String> names = new ArrayList<>();
    JsonNode schemaAt = schemaAt(e);
    if (schemaAt != null && schemaAt.has("properties")) {
      schemaAt.get("properties").fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** The schema object that carries the failing keyword (its parent in the schema location). */
  private @Nullable JsonNode schemaAt(Error e) {
    String fragment = e.getSchemaLocation() == null ? null : e.getSchemaLocation().getFragment().toString();
    if (fragment == null) {
      return null;
    }
    String p = fragment.startsWith("#") ? fragment.substring(1) : fragment;
    int cut = p.lastIndexOf('/');
    if (cut < 0) {
      return schemaNode;
    }
    JsonNode node = schemaNode.at(p.substring(0, cut));
    return node.isMissingNode() ? null : node;
  }

  static String pointer(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Integer index) {
        sb.append('/').append(index);
      } else {
        sb.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
      }
    }
    return sb.toString();
  }

  /** A flow author's name for the place a pointer designates. */
  static String context(String pointer) {
    if (pointer.isEmpty()) {
      return "a flow file";
    }
    String[] parts = pointer.substring(1).split("/");
    String first = unescape(parts[0]);
    switch (first) {
      case "fragment":
        if (parts.length == 1) {
          return "the `fragment` section";
        }
        if (parts.length == 3 && parts[1].equals("parameters")) {
          return "parameter `" + unescape(parts[2]) + "`";
        }
        return "`fragment." + unescape(parts[1]) + "`";
      case "outputs":
        return parts.length == 1 ? "the `outputs` section" : "output `" + unescape(parts[1]) + "`";
      case "flow":
        if (parts.length == 1) {
          return "the `flow` section";
        }
        if (parts.length == 2) {
          return "`flow." + unescape(parts[1]) + "`";
        }
        if (parts[1].equals("parameters")) {
          return "parameter `" + unescape(parts[2]) + "`";
        }
        if (parts[1].equals("labels") && parts[2].matches("\\d+")) {
          return "label " + (Integer.parseInt(parts[2]) + 1) + " of `flow.labels`";
        }
        return "`flow." + unescape(parts[1]) + "." + unescape(parts[2]) + "`";
      case "stages":
        if (parts.length == 1) {
          return "the `stages` section";
        }
        if (parts.length == 2) {
          return "stage `" + unescape(parts[1]) + "`";
        }
        if (parts.length == 4 && parts[2].equals("predicates")) {
          return "predicate `" + unescape(parts[3]) + "` of stage `" + unescape(parts[1]) + "`";
        }
        if (parts.length == 4 && parts[2].equals("parameters")) {
          return "parameter `" + unescape(parts[3]) + "` of stage `" + unescape(parts[1]) + "`";
        }
        return "`" + unescape(parts[2]) + "` of stage `" + unescape(parts[1]) + "`";
      case "connections":
      case "events":
        if (parts.length == 1) {
          return "the `" + first + "` section";
        }
        String item = (first.equals("events") ? "event connection " : "connection ") + (Integer.parseInt(parts[1]) + 1);
        return parts.length == 2 ? item : "`" + unescape(parts[2]) + "` of " + item;
      default:
        return "`" + first + "`";
    }
  }

  private static String unescape(String s) {
    return s.replace("~1", "/").replace("~0", "~");
  }

  private static String requiredHelp(String pointer, String property) {
    if (pointer.isEmpty() && property.equals("flow")) {
      return "start the file with a `flow:` section holding at least `id:` (or `fragment:` for a fragment file)";
    }
    if (pointer.equals("/fragment") && property.equals("id")) {
      return "add `id: <fragment id>`; it names the fragment on the platform";
    }
    if (pointer.isEmpty() && property.equals("stages")) {
      return "add a `stages:` section listing the flow's stages";
    }
    if (pointer.equals("/flow") && property.equals("id")) {
      return "add `id: <pipeline id>`; it names the pipeline on the platform";
    }
    return "add `" + property + ":`";
  }

  private static String article(String word) {
    return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
  }

  private static String typeWords(JsonNode type) {
    if (type.isArray()) {
      List<String> words = new ArrayList<>();
      type.forEach(t -> words.add(SchemaTypeWords.of(t.asText())));
      return words.size() <= 2 ? String.join(" or ", words)
          : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
    return SchemaTypeWords.of(type.asText());
  }


  static String describe(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "empty";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isBoolean()) {
      return "`" + node.asText() + "` (a boolean)";
    }
    if (node.isNumber()) {
      return "`" + node.asText() + "` (a number)";
    }
    String text = node.asText();
    return "the text `" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "`";
  }

  private static String quoteAll(List<String> values) {
    List<String> quoted = new ArrayList<>();
    for (Iterator<String> it = values.iterator(); it.hasNext(); ) {
      quoted.add("`" + it.next() + "`");
    }
    return String.join(", ", quoted);
  }
}
