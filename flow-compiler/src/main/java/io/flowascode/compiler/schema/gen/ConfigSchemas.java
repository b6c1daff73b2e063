package io.flowascode.compiler.schema.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schemas for configuration mappings (a stage's `config`, the pipeline's `settings`, the entries
 * of a list of beans) that accept what the compiler's {@code ConfigBinder} accepts and flag what
 * it rejects, so the editor and the compiler agree.
 *
 * <p>Readable names are the mapping's `properties`, so editors complete them with their type,
 * default and description. Raw names (`conf.dataFormat`) are accepted, since the compiler accepts
 * them, through one `patternProperties` expression listing exactly the mapping's raw names:
 * editors do not offer patterns in completion, so the list stays one entry per config, and a
 * misspelled raw name is still flagged. Their values are left to the compiler: a typed entry per
 * raw name would add about a fifth to the schema for names rarely written by hand. Any other key
 * is unknown.
 */
final class ConfigSchemas {
  /** A string holding `${` is an expression the platform evaluates; it passes for any type. */
  static final String EXPRESSION_PATTERN = "\\$\\{";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final SharedDefinitions defs;
  private final ObjectNode expression;
  private final ObjectNode booleanValue;
  private final ObjectNode numberValue;
  private final ObjectNode textValue;
  private final ObjectNode secretOrTextValue;
  private final ObjectNode listValue;
  private final ObjectNode mapValue;
  private final ObjectNode rawConfig;

  ConfigSchemas(SharedDefinitions defs) {
    this.defs = defs;
    this.expression = defs.define("expression", JSON.objectNode()
        .put("description", "An expression the platform evaluates, e.g. ${LIMIT} or ${record:value('/x')}.")
        .put("type", "string")
        .put("pattern", EXPRESSION_PATTERN));
    this.booleanValue = defs.define("booleanValue",
        expressionOr("Expected true or false, or a ${...} expression.", "boolean"));
    this.numberValue = defs.define("numberValue",
        expressionOr("Expected a number, or a ${...} expression.", "number"));
    // Text configs take any scalar (12 becomes "12"); only mappings and lists are wrong. A `not`
    // rather than a list of types, so editors do not offer true/false for a text field.
    this.textValue = defs.define("textValue", JSON.objectNode()
        .set("not", JSON.objectNode().set("type", JSON.arrayNode().add("object").add("array"))));
    // Text and credential configs may name a secret instead (`{secret: NAME}`), as the binder accepts.
    ObjectNode secret = JSON.objectNode().put("type", "object").put("additionalProperties", false)
        .put("description", "A secret: its value comes from FLOW_SECRET_NAME or flow-secrets.yaml at plan and apply, "
            + "never from this file (docs/secrets.md).");
    secret.putArray("required").add("secret");
    secret.putObject("properties").putObject("secret").put("type", "string").put("pattern", "^[A-Za-z_][A-Za-z0-9_]*$");
    ObjectNode either = JSON.objectNode();
    either.putArray("anyOf").add(textValue.deepCopy()).add(secret);
    this.secretOrTextValue = defs.define("secretOrTextValue", either);
    this.listValue = defs.define("listValue",
        expressionOr("Expected a list, or a ${...} expression.", "array"));
    this.mapValue = defs.define("mapValue",
        expressionOr("Expected a mapping of keys to values (or a list of {key, value}), or a ${...} expression.",
            "object", "array"));
    this.rawConfig = defs.define("rawConfig", JSON.objectNode()
        .put("description", "A raw config name, as in the pipeline JSON. Accepted, but not completed or "
            + "checked here: the compiler checks its value. Prefer the readable name."));
  }

  /**
   * The schema of a configuration mapping.
   *
   * @param versions the configs of each version (with their services'), newest first: a name
   *     any version knows is accepted, typed as the newest version that has it
   */
  ObjectNode mapping(List<List<ConfigDefinition>> versions) {
    Map<String, List<ConfigDefinition>> readable = new LinkedHashMap<>();
    Map<String, ConfigDefinition> raw = new LinkedHashMap<>();
    for (List<ConfigDefinition> configs : versions) {
      Map<String, List<ConfigDefinition>> byAttribute = new LinkedHashMap<>();
      for (ConfigDefinition c : configs) {
        byAttribute.computeIfAbsent(c.attributeName(), k -> new ArrayList<>()).add(c);
        raw.putIfAbsent(c.name(), c);
      }
      byAttribute.forEach(readable::putIfAbsent);
    }
    ObjectNode properties = JSON.objectNode();
    readable.forEach((name, targets) -> {
      // Predicates are written under `predicates:`, never under `config:`; a name two configs'
      // labels make is refused by the compiler (the raw names say which is meant).
      List<ConfigDefinition> settable = targets.stream().filter(c -> !c.isPredicate()).toList();
      if (settable.size() == 1 && targets.size() == 1) {
        properties.set(name, defs.share("key_" + name, property(settable)));
      }
    });
    List<String> rawNames = new ArrayList<>();
    raw.forEach((name, c) -> {
      // The compiler looks a key up as a readable name first, so a raw name equal to one is never raw.
      if (!readable.containsKey(name) && !c.isPredicate()) {
        rawNames.add(quoteRegex(name));
      }
    });
    ObjectNode schema = JSON.objectNode().put("type", "object");
    schema.set("properties", properties);
    if (!rawNames.isEmpty()) {
      schema.set("patternProperties", JSON.objectNode().set("^(?:" + String.join("|", rawNames) + ")$", rawConfig));
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  /** One key's schema: its value, description and default; every config it sets must accept the value. */
  private ObjectNode property(List<ConfigDefinition> targets) {
    List<JsonNode> values = new ArrayList<>();
    for (ConfigDefinition c : targets) {
      JsonNode v = value(c);
      if (!values.contains(v)) {
        values.add(v);
      }
    }
    ObjectNode p = JSON.objectNode();
    if (values.size() == 1) {
      p.setAll((ObjectNode) values.get(0));
    } else {
      ArrayNode all = p.putArray("allOf");
      values.forEach(all::add);
    }
    ConfigDefinition first = targets.get(0);
    p.put("description", description(first));
    JsonNode def = first.defaultValue();
    if (def != null && !def.isNull()) {
      p.set("default", def);
    }
    return p;
  }

  /**
   * "Label — description (raw name)": what the UI shows, and the name the pipeline JSON uses; then,
   * for hover and completion, the type, the default and the first allowed values.
   */
  static String description(ConfigDefinition c) {
    String head;
    if (c.label().isBlank()) {
      // Definitions inferred from pipelines have no label; the raw name is all there is.
      head = c.description().isBlank() ? c.name() : c.description() + " (" + c.name() + ")";
    } else {
      head = (c.description().isBlank() ? c.label() : c.label() + " — " + c.description()) + " (" + c.name() + ")";
    }
    return head + "\n\n" + facts(c);
  }

  private static final int SHOWN_VALUES = 8;

  /** `Type: choice. Default: TO_ERROR. Values: DISCARD (Discard), TO_ERROR (Send to Error), …` */
  static String facts(ConfigDefinition c) {
    StringBuilder sb = new StringBuilder("Type: ").append(typeWord(c)).append('.');
    JsonNode d = c.defaultValue();
    if (d != null && !d.isNull() && !(d.isContainerNode() && d.isEmpty()) && !(d.isTextual() && d.asText().isEmpty())) {
      String shown = d.isTextual() ? d.asText() : d.toString();
      sb.append(" Default: ").append(shown.length() > 60 ? shown.substring(0, 57) + "..." : shown).append('.');
    }
    c.model().filter(m -> !m.values().isEmpty()).ifPresent(m -> {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < Math.min(SHOWN_VALUES, m.values().size()); i++) {
        String v = m.values().get(i);
        String label = i < m.labels().size() ? m.labels().get(i) : v;
        values.add(label.equals(v) ? v : v + " (" + label + ")");
      }
      sb.append(m.openChoice() ? " Suggested values: " : " Values: ").append(String.join(", ", values));
      if (m.values().size() > SHOWN_VALUES) {
        sb.append(", … (").append(m.values().size()).append(" in all)");
      }
      sb.append('.');
    });
    if (c.required()) {
      sb.append(" Required.");
    }
    return sb.toString();
  }

  private static String typeWord(ConfigDefinition c) {
    if (c.model().isPresent()) {
      ConfigModel m = c.model().get();
      return m.isValueChooser() ? "one of the values below" : m.isMultiValueChooser() ? "a list of the values below"
          : m.isListBean() ? "a list of entries" : "model " + m.modelType().toLowerCase(java.util.Locale.ROOT);
    }
    return switch (c.type()) {
      case BOOLEAN -> "true or false";
      case NUMBER -> "number" + c.min().map(min -> " from " + min).orElse("") + c.max().map(max -> " to " + max).orElse("");
      case STRING, CHARACTER -> "text";
      case TEXT -> "text (may span lines)";
      case CREDENTIAL -> "credential";
      case LIST -> "list";
      case MAP -> "mapping";
      default -> c.type().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** The value schema, case by case as the compiler checks values. */
  private ObjectNode value(ConfigDefinition c) {
    switch (c.type()) {
      case BOOLEAN:
        return booleanValue;
      case NUMBER: {
        if (c.min().isEmpty() && c.max().isEmpty()) {
          return numberValue;
        }
        ObjectNode n = numberValue.deepCopy();
        c.min().ifPresent(min -> n.put("minimum", min));
        c.max().ifPresent(max -> n.put("maximum", max));
        return n;
      }
      case STRING, TEXT, CREDENTIAL:
        return secretOrTextValue;
      case CHARACTER:
        return textValue;
      case LIST:
        return listValue;
      case MAP:
        return mapValue;
      case MODEL:
        return c.model().map(m -> model(c, m)).orElse(JSON.objectNode());
      default:
        return JSON.objectNode();
    }
  }

  private ObjectNode model(ConfigDefinition c, ConfigModel m) {
    if (m.isValueChooser()) {
      if (m.values().isEmpty()) {
        return textValue;
      }
      ObjectNode schema = JSON.objectNode();
      schema.putArray("anyOf").add(choices(c, m)).add(expression);
      return schema;
    }
    if (m.isMultiValueChooser()) {
      ObjectNode list = expressionOr("Expected a list of allowed values, or a ${...} expression.", "array");
      if (!m.values().isEmpty()) {
        list.set("items", choices(c, m));
      }
      return list;
    }
    if (m.isListBean()) {
      ObjectNode list = expressionOr("Expected a list of entries (mappings), or a ${...} expression.", "array");
      if (m.beanConfigs().isEmpty()) {
        list.set("items", JSON.objectNode().put("type", "object"));
      } else {
        ObjectNode entry = mapping(List.of(m.beanConfigs()));
        list.set("items", defs.share("entry_" + m.beanConfigs().get(0).attributeName(), entry));
      }
      return list;
    }
    return switch (m.modelType()) {
      case "FIELD_SELECTOR_MULTI_VALUE" -> listValue;
      case "FIELD_SELECTOR" -> textValue;
      default -> JSON.objectNode();
    };
  }

  /**
   * The allowed values, with the labels the UI shows for them as completion documentation; shared,
   * as long lists (charsets, time zones, regions) recur in many configs.
   */
  private ObjectNode choices(ConfigDefinition c, ConfigModel m) {
    ObjectNode schema = JSON.objectNode();
    ArrayNode values = schema.putArray("enum");
    m.values().forEach(values::add);
    if (m.labels().size() == m.values().size() && !m.labels().equals(m.values())) {
      ArrayNode labels = schema.putArray("enumDescriptions");
      m.labels().forEach(labels::add);
    }
    return defs.share("values_" + c.attributeName(), schema);
  }

  /**
   * One of the given JSON types, or a string holding an expression. `pattern` constrains strings
   * only, so listing "string" among the types and adding the pattern says exactly that.
   */
  private static ObjectNode expressionOr(String message, String... types) {
    ObjectNode schema = JSON.objectNode();
    ArrayNode list = schema.putArray("type");
    for (String t : types) {
      list.add(t);
    }
    list.add("string");
    schema.put("pattern", EXPRESSION_PATTERN);
    // Read by VS Code's and Red Hat's YAML language servers; other validators ignore it.
    schema.put("errorMessage", message);
    return schema;
  }

  /**
   * Quotes a name for an ECMA-262 regular expression as JSON Schema uses them. Only syntax
   * characters are escaped: in Unicode mode an escaped `-` or letter is itself an error.
   */
  static String quoteRegex(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); i++) { char ch = name.charAt(i);if ("\\^$.|?*+()[]{}/".indexOf(ch) >= 0) {
        sb.append('\\');
      }
      sb.append(ch);
    }
    return sb.toString();
  }
}
