package io.flowascode.compiler.schema.gen;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.CompactJsonWriter;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import io.flowascode.compiler.schema.FlowSchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Makes the JSON Schema editors use for flow files: the structural schema the compiler validates
 * with, plus what a catalog knows, so that an editor completes stage labels with their type and
 * description, completes each stage's configuration by readable name with type, allowed values,
 * default and description, and flags a misspelled key, a wrong value or predicates on a stage
 * that takes none, as the compiler would.
 *
 * <p>The catalog parts are conditional subschemas of a stage keyed on its `label` (and `type` when
 * a label names stages of several types) or, for a stage written by `name`, on that. Identical
 * subschemas are stored once in `$defs`. The output depends only on the structure and the catalog.
 */
public final class FlowSchemaGenerator {
  /** The `$id` of the generated schema, stable across catalogs. */
  public static final String ID = "https://flowascode.io/schemas/flow.schema.json";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Comparator<StageDefinition> PREFERRED_FIRST =
      Comparator.comparingLong((StageDefinition s) -> Catalog.versionNumber(s.version())).reversed()
          .thenComparing(StageDefinition::library, Comparator.reverseOrder());

  private final JsonNode structure;

  /** @param structure the structural schema (`schemas/flow-structure.schema.json`) */
  public FlowSchemaGenerator(JsonNode structure) {
    this.structure = structure;
  }

  /** A generator over the structural schema bundled with the compiler. */
  public static FlowSchemaGenerator withBundledStructure() {
    try (InputStream in = FlowSchemaGenerator.class.getResourceAsStream(FlowSchemaValidator.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the structural flow schema is missing from the compiler's resources: "
            + FlowSchemaValidator.RESOURCE);
      }
      return new FlowSchemaGenerator(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema as committed in `schemas/flow.schema.json`: compact, diff-friendly, final newline. */
  public String render(Catalog catalog) {
    return CompactJsonWriter.write(generate(catalog));
  }

  public ObjectNode generate(Catalog catalog) {
    ObjectNode base = structure.deepCopy();
    ObjectNode baseDefs = (ObjectNode) base.get("$defs");
    List<String> baseNames = new ArrayList<>();
    baseDefs.fieldNames().forEachRemaining(baseNames::add);
    SharedDefinitions defs = new SharedDefinitions(baseNames);
    ConfigSchemas configs = new ConfigSchemas(defs);
    Branches branches = new Branches(catalog, configs, defs, defs.define("predicates", predicates()));
    ObjectNode flowProperties = (ObjectNode) baseDefs.get("flow").get("properties");

    canvasStages(catalog, (ObjectNode) baseDefs.get("stage"), branches);
    specialStages(catalog, flowProperties, defs, branches);
    if (!catalog.pipelineConfigs().isEmpty()) {
      ((ObjectNode) flowProperties.get("settings")).setAll(configs.mapping(List.of(catalog.pipelineConfigs())));
    }
    defs.all().forEach(baseDefs::set);
    return withHeader(base);
  }

  /** The labels a stage may have, and per label (and type) or stage name, its config and predicates. */
  private static void canvasStages(Catalog catalog, ObjectNode stage, Branches branches) {
    List<StageDefinition> canvas = catalog.stages().stream().filter(StageDefinition::onCanvas).toList();
    Map<String, List<StageDefinition>> byLabel = group(canvas, StageDefinition::label);
    ArrayNode allLabels = JSON.arrayNode();
    byLabel.keySet().forEach(allLabels::add);
    branches.defs().define("anyLabel", JSON.objectNode().set("enum", allLabels));
    // Any other text passes the choices, so editors do not list every label (some 2.6 KB) under a
    // misspelled one; a condition below says in one line what is wrong, and the closest label.
    ArrayNode choices = labelChoices(byLabel);
    choices.add(otherText());
    ((ObjectNode) stage.get("properties").get("label")).set("anyOf", choices);
    ArrayNode conditions = stage.putArray("allOf");
    conditions.add(condition(labelTest(otherText()), labelFails(
        "Not a stage label of the catalog. Complete one with Ctrl+Space, or find it with `flow catalog --search WORDS`.")));
    byLabel.forEach((label, stages) -> {
      Map<StageType, List<StageDefinition>> byType = new EnumMap<>(StageType.class);
      stages.forEach(s -> byType.computeIfAbsent(s.type(), k -> new ArrayList<>()).add(s));
      conditions.add(nearMiss(label));
      // A `type` the label does not have is flagged, instead of leaving the stage unchecked.
      ArrayNode types = JSON.arrayNode();
      byType.keySet().forEach(t -> types.add(t.word()));
      if (byType.size() == 1) {
        ObjectNode then = branches.canvas(label, stages);
        ((ObjectNode) then.get("properties")).set("type", JSON.objectNode().set("enum", types));
        conditions.add(condition(labelIs(label, null), then));
        return;
      }
      conditions.add(condition(labelIs(label, null), JSON.objectNode().set("properties",
          JSON.objectNode().set("type", JSON.objectNode().set("enum", types)))));
      byType.forEach((type, ofType) ->
          conditions.add(condition(labelIs(label, type), branches.canvas(label + " " + type.word(), ofType))));
      // The compiler rejects such a label without `type:` (or `library:`) as ambiguous; say which key is missing.
      ObjectNode untyped = labelIs(label, null);
      ArrayNode narrowing = JSON.arrayNode()
          .add(JSON.objectNode().set("required", JSON.arrayNode().add("type")))
          .add(JSON.objectNode().set("required", JSON.arrayNode().add("library")));
      untyped.set("not", JSON.objectNode().set("anyOf", narrowing));
      conditions.add(condition(untyped, JSON.objectNode().set("required", JSON.arrayNode().add("type"))));
    });
    group(canvas, StageDefinition::name).forEach((name, stages) ->
        conditions.add(condition(nameIs(name), branches.canvas(stages.get(0).label(), stages))));
  }

  /** `error_records`, `start_event`, `stop_event`, `test_origin` and `stats_aggregator`, each from its own set of stages. */
  private static void specialStages(Catalog catalog, ObjectNode flowProperties, SharedDefinitions defs, Branches branches) {
    Map<String, List<StageDefinition>> errorStages = group(
        catalog.stages().stream().filter(StageDefinition::errorStage).toList(), StageDefinition::label);
    Map<String, List<StageDefinition>> eventStages = group(
        catalog.stages().stream().filter(StageDefinition::pipelineLifecycleStage).toList(), StageDefinition::label);
    if (!errorStages.isEmpty()) {
      ObjectNode ref = defs.define("errorStage", specialStage(errorStages, branches));
      ((ObjectNode) flowProperties.get("error_records")).setAll(ref);
    }
    if (!eventStages.isEmpty()) {
      ObjectNode ref = defs.define("eventStage", specialStage(eventStages, branches));
      ((ObjectNode) flowProperties.get("start_event")).setAll(ref);
      ((ObjectNode) flowProperties.get("stop_event")).setAll(ref);
    }
    Map<String, List<StageDefinition>> origins = group(
        catalog.stages().stream().filter(s -> s.type() == io.flowascode.compiler.catalog.StageType.ORIGIN).toList(),
        StageDefinition::label);
    if (!origins.isEmpty() && flowProperties.has("test_origin")) {
      ((ObjectNode) flowProperties.get("test_origin")).setAll(defs.define("testOriginStage", specialStage(origins, branches)));
    }
    Map<String, List<StageDefinition>> statsStages = group(
        catalog.stages().stream().filter(StageDefinition::statsAggregatorStage).toList(), StageDefinition::label);
    if (!statsStages.isEmpty() && flowProperties.has("stats_aggregator")) {
      ((ObjectNode) flowProperties.get("stats_aggregator")).setAll(defs.define("statsStage", specialStage(statsStages, branches)));
    }
  }

  /**
   * A special stage (`error_records`, `start_event`, `stop_event`): the structural form (a label, or
   * a mapping with label and config) narrowed to these stages' labels and their configs.
   */
  private static ObjectNode specialStage(Map<String, List<StageDefinition>> byLabel, Branches branches) {
    ObjectNode schema = SharedDefinitions.ref("specialStage");
    ArrayNode labels = labelChoices(byLabel);
    // `anyOf` rather than if/then/else on the type, so that editors offer the labels for an empty value.
    ObjectNode mapping = JSON.objectNode().put("type", "object");
    mapping.set("properties", JSON.objectNode().set("label", JSON.objectNode().set("anyOf", labels)));
    ArrayNode conditions = mapping.putArray("allOf");
    byLabel.forEach((l, stages) -> conditions.add(condition(labelIs(l, null), branches.special(l, stages))));
    schema.putArray("anyOf").add(JSON.objectNode().set("anyOf", labels)).add(mapping);
    return schema;
  }

  /** The conditional parts of one group of stages: its config mapping and whether it takes predicates. */
  private record Branches(Catalog catalog, ConfigSchemas configs, SharedDefinitions defs, ObjectNode predicates) {
    /** For a stage on the canvas: its config, and predicates when it takes them. */
    ObjectNode canvas(String hint, List<StageDefinition> stages) {
      ObjectNode properties = config(hint, stages);
      if (stages.stream().anyMatch(StageDefinition::hasPredicates)) {
        properties.set("predicates", predicates);
      } else {
        properties.put("predicates", false);
      }
      return JSON.objectNode().set("properties", properties);
    }

    /** For an error or pipeline event stage: its config. */
    ObjectNode special(String hint, List<StageDefinition> stages) {
      return JSON.objectNode().set("properties", config(hint, stages));
    }

    private ObjectNode config(String hint, List<StageDefinition> stages) {
      List<List<ConfigDefinition>> versions = new ArrayList<>();
      for (StageDefinition s : stages) {
        versions.add(configsOf(s));
      }
      ObjectNode properties = JSON.objectNode();
      properties.set("config", defs.share("config_" + hint, configs.mapping(versions)));
      return properties;
    }

    /** A stage's own configs, then its services', as the compiler binds them. */
    private List<ConfigDefinition> configsOf(StageDefinition s) {
      List<ConfigDefinition> all = new ArrayList<>(s.configs());
      for (ServiceUse use : s.services()) {
        catalog.service(use.service()).ifPresent(svc -> all.addAll(svc.configs()));
      }
      return all;
    }
  }

  /** Stages grouped by a key in key order, each group in the order the compiler prefers them. */
  private static Map<String, List<StageDefinition>> group(List<StageDefinition> stages,
      Function<StageDefinition, String> key) {
    Map<String, List<StageDefinition>> groups = new TreeMap<>();
    for (StageDefinition s : stages) {
      groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
    }
    groups.values().forEach(g -> g.sort(PREFERRED_FIRST));
    return groups;
  }

  /**
   * Every canvas label as a `const` documented with its stages' type, description and libraries,
   * which editors show in completion and on hover over the label. `anyOf` of documented consts
   * rather than an `enum` with the VS Code-only `enumDescriptions`: it is standard, and hovering
   * a label then shows that stage only, where an enum shows the whole list.
   */
  private static ArrayNode labelChoices(Map<String, List<StageDefinition>> byLabel) {
    ArrayNode choices = JSON.arrayNode();
    byLabel.forEach((l, stages) -> {
      Map<String, List<StageDefinition>> kinds = new TreeMap<>();
      for (StageDefinition s : stages) {
        kinds.computeIfAbsent(s.type().ordinal() + "|" + s.name(), k -> new ArrayList<>()).add(s);
      }
      List<String> lines = new ArrayList<>();
      kinds.values().forEach(kind -> {
        StageDefinition newest = kind.get(0);
        Set<String> libraries = new LinkedHashSet<>();
        kind.stream().map(s -> s.libraryLabel().isBlank() ? s.library() : s.libraryLabel()).sorted().forEach(libraries::add);
        String description = newest.description().isBlank() ? "" : " — " + newest.description().strip();
        lines.add(newest.type().word() + description + " (" + String.join(", ", libraries) + ")");
      });
      choices.add(JSON.objectNode().put("const", l).put("description", String.join("\n", lines)));
    });
    return choices;
  }

  private static ObjectNode labelIs(String label, @Nullable StageType type) {
    ObjectNode properties = JSON.objectNode();
    properties.set("label", JSON.objectNode().put("const", label));
    ArrayNode required = JSON.arrayNode().add("label");
    if (type != null) {
      properties.set("type", JSON.objectNode().put("const", type.word()));
      required.add("type");
    }
    ObjectNode test = JSON.objectNode();
    test.set("properties", properties);
    test.set("required", required);
    return test;
  }

  /**
   * `if` the label is one typo away from this one (and is no label at all) `then` say "did you mean"
   * it: a const the value fails, with the message editors show instead of the list of values.
   */
  private static ObjectNode nearMiss(String label) {
    ObjectNode typo = otherText().put("pattern", NearMisses.pattern(label));
    return condition(labelTest(typo), labelFails("Unknown stage label; did you mean `" + label + "`?"));
  }

  /** Text that is no label of the catalog. */
  private static ObjectNode otherText() {
    return JSON.objectNode().put("type", "string").set("not", SharedDefinitions.ref("anyLabel"));
  }

  private static ObjectNode labelTest(ObjectNode label) {
    ObjectNode test = JSON.objectNode();
    test.set("properties", JSON.objectNode().set("label", label));
    test.set("required", JSON.arrayNode().add("label"));
    return test;
  }

  /**
   * A label schema that no text passes, with the message editors show for it (a `const` no one
   * writes: Red Hat's YAML server shows `errorMessage` for a failed const).
   */
  private static ObjectNode labelFails(String message) {
    ObjectNode then = JSON.objectNode();
    then.set("properties", JSON.objectNode().set("label", JSON.objectNode().put("const", "\u0000").put("errorMessage", message)));
    return then;
  }

  /** A stage written by name alone: with a label too, the compiler goes by the label. */
  private static ObjectNode nameIs(String name) {
    ObjectNode test = JSON.objectNode();
    test.set("properties", JSON.objectNode().set("name", JSON.objectNode().put("const", name)));
    test.set("required", JSON.arrayNode().add("name"));
    test.set("not", JSON.objectNode().set("required", JSON.arrayNode().add("label")));
    return test;
  }

  private static ObjectNode condition(ObjectNode test, ObjectNode then) {
    ObjectNode c = JSON.objectNode();
    c.set("if", test);
    c.set("then", then);
    return c;
  }

  /** Stream Selector predicates as the compiler checks them: `${...}` conditions, none named `default`. */
  private static ObjectNode predicates() {
    ObjectNode p = JSON.objectNode();
    p.set("propertyNames", JSON.objectNode().set("not", JSON.objectNode().put("const", "default")));
    p.set("additionalProperties", JSON.objectNode()
        .put("type", "string")
        .put("pattern", "^\\s*\\$\\{[\\s\\S]*\\}\\s*$")
        .put("patternErrorMessage", "A predicate is a condition written as '${...}', e.g. '${record:value(\"/amount\") > 100}'."));
    return p;
  }

  /** The root with the generated `$id` and a note that the file is generated, keys in a fixed order. */
  private static ObjectNode withHeader(ObjectNode base) {
    ObjectNode root = JSON.objectNode();
    base.properties().forEach(e -> {
      switch (e.getKey()) {
        case "$id" -> root.put("$id", ID);
        case "$comment" -> root.put("$comment", "Generated by `flow schema` (FlowSchemaGenerator) from "
            + "schemas/flow-structure.schema.json and the stage catalog; do not edit.");
        default -> root.set(e.getKey(), e.getValue());
      }
    });
    return root;
  }
}
