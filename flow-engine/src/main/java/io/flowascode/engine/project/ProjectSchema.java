package io.flowascode.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.flowascode.compiler.schema.SchemaTypeWords;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Suggestions;
import io.flowascode.yaml.SourceMap;
import io.flowascode.yaml.SourceTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a project file against the published `schemas/flow-project.schema.json` and words each
 * mistake as the flow schema's are (the same E02xx codes): pointing at the key for an unknown key,
 * with the closest known one, and at the value for a wrong value.
 */
final class ProjectSchema {
  static final String RESOURCE = "/io/flowascode/engine/project/flow-project.schema.json";

  private final Schema schema;
  private final JsonNode schemaNode;

  private ProjectSchema(JsonNode schemaNode) {
    this.schemaNode = schemaNode;
    this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
  }

  static ProjectSchema bundled() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final ProjectSchema INSTANCE = load();

    private static ProjectSchema load() {
      try (InputStream in = ProjectSchema.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the project schema is missing from the engine's resources: " + RESOURCE);
        }
        return new ProjectSchema(new ObjectMapper().readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  void validate(SourceTree tree, Diagnostics out) {
    Set<String> reported = new LinkedHashSet<>();
    for (Error e : schema.validate(tree.root())) {
      String pointer = pointer(e.getInstanceLocation());
      // One message per place: a wrong value may fail several keywords at once.
      if (reported.add(pointer + "|" + e.getProperty())) {
        translate(e, tree.map(), pointer, out);
      }
    }
  }

  private void translate(Error e, SourceMap map, String pointer, Diagnostics out) {
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    String where = context(pointer);
    switch (keyword) {
      case "additionalProperties" -> {
        String property = e.getProperty();
        List<String> allowed = allowedProperties(e);
        Diagnostic.Builder b = Diagnostic.of(Code.UNKNOWN_PROPERTY, map.keySpan(SourceMap.child(pointer, property)),
                "`" + property + "` is not a key of " + where)
            .label("unknown key");
        Suggestions.didYouMean(property, allowed).ifPresentOrElse(b::help,
            () -> { if (!allowed.isEmpty()) b.help("the keys here are " + quoteAll(allowed)); });
        out.add(b.build());
      }
      case "required" -> out.add(Diagnostic.of(Code.MISSING_PROPERTY, map.keySpan(pointer),
              where + " needs `" + e.getProperty() + "`")
          .label("`" + e.getProperty() + "` missing")
          .help(requiredHelp(e.getProperty()))
          .build());
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
        out.add(b.build());
      }
      case "type" -> {
        String want = e.getSchemaNode() == null ? "another type" : typeWords(e.getSchemaNode());
        Diagnostic.Builder b = Diagnostic.of(Code.WRONG_TYPE, map.valueSpan(pointer),
                where + " should be " + want + ", not " + describe(e.getInstanceNode()))
            .label("expected " + want);
        if (pointer.matches(".*/credentials/(user|password|api_key|token)")) {
          b.help("write where the value comes from, e.g. `{env: MY_PASSWORD}`; never the secret itself");
        }
        out.add(b.build());
      }
      case "pattern" -> out.add(Diagnostic.of(Code.INVALID_VALUE, map.valueSpan(pointer),
              "`" + text(e.getInstanceNode()) + "` is not a valid value for " + where)
          .label("not valid here")
          .help(patternHelp(pointer))
          .build());
      case "propertyNames" -> {
        String key = e.getProperty() == null ? "" : e.getProperty();
        boolean parameter = pointer.endsWith("/parameters");
        out.add(Diagnostic.of(Code.INVALID_ID, map.keySpan(SourceMap.child(pointer, key)),
                "`" + key + "` is not a valid " + (parameter ? "parameter name" : "environment name"))
            .label("invalid name")
            .help(parameter ? "parameter names start with a letter or `_` and hold letters, digits and `_`"
                : "environment names start with a letter and hold letters, digits, `_` and `-`")
            .build());
      }
      case "minLength", "minItems" -> out.add(Diagnostic.of(Code.INVALID_VALUE, map.valueSpan(pointer),
              where + " must not be empty").label("empty").build());
      case "minimum", "maximum" -> out.add(Diagnostic.of(Code.INVALID_VALUE, map.valueSpan(pointer),
              where + " must be between 1 and 64").label("out of range").build());
      default -> out.add(Diagnostic.of(Code.SCHEMA_VIOLATION, map.valueSpan(pointer),
              where + ": " + e.getMessage().replaceFirst("^\\S+: ", "")).label("here").build());
    }
  }

  private List<String> allowedProperties(Error e) {
    List<String> names = new ArrayList<>();
    String fragment = e.getSchemaLocation() == null ? null : e.getSchemaLocation().getFragment().toString();
    if (fragment == null) {
      return names;
    }
    String p = fragment.startsWith("#") ? fragment.substring(1) : fragment;
    int cut = p.lastIndexOf('/');
    JsonNode at = cut < 0 ? schemaNode : schemaNode.at(p.substring(0, cut));
    if (at.has("properties")) {
      at.get("properties").fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  static String pointer(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      sb.append('/').append(element instanceof Integer ? element.toString()
          : String.valueOf(element).replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  /** A reader's name for the place a pointer designates. */
  static String context(String pointer) {
    if (pointer.isEmpty()) {
      return "the project file";
    }
    String[] parts = pointer.substring(1).split("/");
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].replace("~1", "/").replace("~0", "~");
    }
    if (parts[0].equals("project")) {
      return parts.length == 1 ? "the `project` section" : "`project." + parts[1] + "`";
    }
    if (parts[0].equals("environments")) {
      if (parts.length == 1) {
        return "the `environments` section";
      }
      String env = "environment `" + parts[1] + "`";
      if (parts.length == 2) {
        return env;
      }
      if (parts[2].equals("parameters") && parts.length > 3) {
        return "parameter `" + parts[3] + "` of " + env;
      }
      return "`" + String.join(".", List.of(parts).subList(2, parts.length)) + "` of " + env;
    }
    return "`" + parts[0] + "`";
  }

  private static String requiredHelp(String property) {
    if (property.equals("target")) {
      return "add `target: local`, `target: sdc` or `target: wxdi`";
    }
    if (property.equals("env")) {
      return "write `{env: VARIABLE_NAME}`: the environment variable that holds the value";
    }
    return "add `" + property + ":`";
  }

  private static String patternHelp(String pointer) {
    if (pointer.endsWith("url")) {
      return "write the whole URL, starting with https:// (or http://)";
    }
    if (pointer.endsWith("/timeout") || pointer.endsWith("/deadline")) {
      return "write a duration such as 500ms, 30s, 2m or 1h";
    }
    if (pointer.endsWith("/env")) {
      return "name an environment variable: letters, digits and `_`, not starting with a digit";
    }
    return "see schemas/flow-project.schema.json";
  }

  private static String typeWords(JsonNode type) {
    if (type.isArray()) {
      List<String> words = new ArrayList<>();
      type.forEach(t -> words.add(SchemaTypeWords.of(t.asText())));
      return String.join(" or ", words);
    }
    return SchemaTypeWords.of(type.asText());
  }


  private static String describe(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "empty";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isTextual() ? "the text `" + text(node) + "`" : "`" + node.asText() + "`";
  }

  private static String text(JsonNode node) {
    String t = node == null ? "" : node.asText();
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }

  private static String quoteAll(List<String> values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add("`" + v + "`"));
    return String.join(", ", quoted);
  }
}
