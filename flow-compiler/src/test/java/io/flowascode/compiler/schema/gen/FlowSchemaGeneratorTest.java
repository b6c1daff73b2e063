package io.flowascode.compiler.schema.gen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.SourceFile;
import io.flowascode.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the generated schema knows and flags, checked with the same JSON Schema validator the
 * compiler uses. The central property: on the cases below, the editor's schema rejects a flow
 * exactly when the compiler does, so the editor neither misses mistakes nor invents them.
 */
class FlowSchemaGeneratorTest {
  private static final Catalog CATALOG = BundledCatalog.load();
  private static final ObjectNode SCHEMA = FlowSchemaGenerator.withBundledStructure().generate(CATALOG);
  private static final Schema VALIDATOR =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SCHEMA);
  private static final FlowCompiler COMPILER = new FlowCompiler(CATALOG, CompilerOptions.DEFAULT);

  /** A flow, and the error the compiler rejects it with, if it does; the schema must agree. */
  record Case(String name, Optional<Code> rejectedWith, String yaml) {
    @Override
    public String toString() {
      return (rejectedWith.isEmpty() ? "accepts " : "rejects ") + name;
    }
  }

  private static Case accepts(String name, String yaml) {
    return new Case(name, Optional.empty(), yaml);
  }

  private static Case rejects(String name, Code code, String yaml) {
    return new Case(name, Optional.of(code), yaml);
  }

  /** A source with this config, into a Trash: the smallest complete flow. */
  private static String source(String config) {
    return """
        flow: {id: t, parameters: {N: 5, FORMAT: JSON}}
        stages:
          source:
            label: Dev Raw Data Source
            config: %s
          sink: {label: Trash}
        connections:
          - source >> sink
        """.formatted(config);
  }

  /** A source into a stage written by the caller, into a Trash. */
  private static String through(String stage) {
    return """
        flow: {id: t}
        stages:
          source: {label: Dev Raw Data Source}
          middle: %s
          sink: {label: Trash}
        connections:
          - source >> middle >> sink
        """.formatted(stage);
  }

  /** A Stream Selector with these predicates, its `big` and default outputs each into a Trash. */
  private static String selector(String predicates) {
    return """
        flow: {id: t}
        stages:
          source: {label: Dev Raw Data Source}
          route: {label: Stream Selector, predicates: %s}
          big: {label: Trash}
          rest: {label: Trash}
        connections:
          - source >> route
          - route[big] >> big
          - route[default] >> rest
        """.formatted(predicates);
  }

  private static String header(String flowKeys) {
    return """
        flow: {id: t, %s}
        stages:
          source: {label: Dev Raw Data Source}
          sink: {label: Trash}
        connections:
          - source >> sink
        """.formatted(flowKeys);
  }

  static Stream<Case> cases() {
    return Stream.of(
        accepts("a boolean", source("{stop_after_first_batch: true}")),
        accepts("an expression for a boolean", source("{stop_after_first_batch: '${N > 1}'}")),
        rejects("text for a boolean", Code.CONFIG_WRONG_TYPE, source("{stop_after_first_batch: 'yes'}")),
        accepts("a raw name", source("{stopAfterFirstBatch: true}")),
        rejects("a misspelled readable name", Code.UNKNOWN_CONFIG, source("{stop_after_first_bach: true}")),
        rejects("a misspelled raw name", Code.UNKNOWN_CONFIG, source("{dataFormatConfig.charsett: UTF-8}")),
        accepts("an allowed value", source("{data_format: JSON}")),
        accepts("an expression for a chooser", source("{data_format: '${FORMAT}'}")),
        rejects("a value not allowed", Code.CONFIG_INVALID_CHOICE, source("{data_format: JSONN}")),
        accepts("a number", source("{max_object_length_in_chars: 12}")),
        accepts("an expression for a number", source("{max_object_length_in_chars: '${N}'}")),
        rejects("text for a number", Code.CONFIG_WRONG_TYPE, source("{max_object_length_in_chars: twelve}")),
        rejects("a readable name two configs share", Code.CONFIG_NAME_AMBIGUOUS, source("{max_line_length: 12}")),
        accepts("a number for text", source("{raw_data: 12}")),
        rejects("a list for text", Code.CONFIG_WRONG_TYPE, source("{raw_data: [a]}")),
        accepts("a service's config by readable name", source("{json_content: ARRAY_OBJECTS}")),
        accepts("list-of-bean entries by readable names",
            through("{label: Field Type Converter, config: {field_type_converter_configs: "
                + "[{fields_to_convert: [/a], convert_to_type: DOUBLE}]}}")),
        rejects("a list-of-bean entry with a misspelled field", Code.CONFIG_UNKNOWN_FIELD,
            through("{label: Field Type Converter, config: {field_type_converter_configs: "
                + "[{fields_to_convertt: [/a], convert_to_type: DOUBLE}]}}")),
        rejects("a list-of-bean entry with a value not allowed", Code.CONFIG_INVALID_CHOICE,
            through("{label: Field Type Converter, config: {field_type_converter_configs: "
                + "[{fields_to_convert: [/a], convert_to_type: DOUBL}]}}")),
        accepts("predicates on a Stream Selector",
            selector("{big: '${record:value(\"/a\") > 1}'}")),
        rejects("a predicate that is no expression", Code.MALFORMED_PREDICATE,
            selector("{big: 'record:value(\"/a\") > 1'}")),
        rejects("a predicate named default", Code.DEFAULT_PREDICATE_NAMED,
            selector("{big: '${true}', default: '${true}'}")),
        rejects("predicates on a stage that takes none", Code.NOT_A_SELECTOR, through("{label: Field Remover, predicates: {a: '${true}'}}")),
        rejects("an unknown label", Code.UNKNOWN_LABEL, through("{label: Field Removerr}")),
        rejects("a label of several types without `type`", Code.AMBIGUOUS_LABEL, """
            flow: {id: t}
            stages:
              source: {label: Amazon S3}
              sink: {label: Trash}
            connections:
              - source >> sink
            """),
        accepts("a label of several types with `type`", """
            flow: {id: t}
            stages:
              source: {label: Amazon S3, type: origin, config: {authentication_method: WITH_IAM_ROLES, bucket: b,
                prefix_pattern: '*', data_format: JSON}}
              sink: {label: Trash}
            connections:
              - source >> sink
            """),
        rejects("another type's config under a typed label", Code.UNKNOWN_CONFIG, """
            flow: {id: t}
            stages:
              source: {label: Amazon S3, type: origin, config: {object_name_suffix: x, authentication_method: WITH_IAM_ROLES,
                bucket: b, prefix_pattern: '*', data_format: JSON}}
              sink: {label: Trash}
            connections:
              - source >> sink
            """),
        accepts("a stage by name", through("{name: com_streamsets_pipeline_stage_processor_fieldfilter_FieldFilterDProcessor, "
            + "config: {fields: [/a]}}")),
        rejects("a misspelled config of a stage by name", Code.UNKNOWN_CONFIG,
            through("{name: com_streamsets_pipeline_stage_processor_fieldfilter_FieldFilterDProcessor, config: {fieldss: [/a]}}")),
        accepts("a setting by readable name", header("settings: {delivery_guarantee: AT_MOST_ONCE}")),
        accepts("a setting by raw name", header("settings: {deliveryGuarantee: AT_MOST_ONCE}")),
        rejects("a setting value not allowed", Code.SETTING_WRONG_VALUE, header("settings: {delivery_guarantee: SOMETIMES}")),
        rejects("an unknown setting", Code.UNKNOWN_SETTING, header("settings: {delivery_guarantees: AT_MOST_ONCE}")),
        accepts("an error stage by label", header("error_records: Discard")),
        accepts("an error stage with config", header("error_records: {label: Write to File, config: {directory: /tmp}}")),
        rejects("an error stage with a misspelled config", Code.UNKNOWN_CONFIG, header("error_records: {label: Write to File, config: {directoryy: /tmp, directory: /tmp}}")),
        rejects("a canvas stage as error stage", Code.UNKNOWN_ERROR_STAGE, header("error_records: Trash")),
        accepts("a pipeline event stage", header("stop_event: {label: Shell, config: {script: 'echo done'}}")),
        rejects("a pipeline event stage with a misspelled config", Code.UNKNOWN_CONFIG, header("stop_event: {label: Shell, config: {scriptt: x, script: x}}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theSchemaRejectsAFlowExactlyWhenTheCompilerDoes(Case c) {
    Compilation compiled = COMPILER.compile(new SourceFile("case.flow.yaml", c.yaml()));
    List<Diagnostic> compilerErrors = compiled.diagnostics().stream().filter(Diagnostic::isError).toList();
    List<com.networknt.schema.Error> schemaErrors = VALIDATOR.validate(tree(c.yaml()));

    Set<Code> compilerCodes = new HashSet<>(compilerErrors.stream().map(Diagnostic::code).toList());
    assertThat(compilerCodes).as("the compiler's errors: %s", compilerErrors).isEqualTo(c.rejectedWith().map(Set::of).orElse(Set.of()));
    assertThat(schemaErrors.isEmpty()).as("the editor schema accepts it; its errors: %s", schemaErrors).isEqualTo(c.rejectedWith().isEmpty());
  }

  @Test
  void everySampleIsValidForTheEditorSchema() throws IOException {
    List<Path> samples;
    try (Stream<Path> files = Files.list(Path.of("..", "samples"))) {
      samples = files.filter(p -> p.getFileName().toString().endsWith(".flow.yaml")).sorted().toList();
    }
    assertThat(samples).isNotEmpty();
    for (Path sample : samples) {
      assertThat(VALIDATOR.validate(tree(Files.readString(sample)))).as("%s", sample).isEmpty();
    }
  }

  @Test
  void aStagesConfigOffersItsAndItsServicesReadableNamesExceptPredicatesAndSharedOnes() {
    Set<String> expected = new LinkedHashSet<>();
    for (StageDefinition s : CATALOG.byLabel("Dev Raw Data Source")) {
      List<String> names = new java.util.ArrayList<>();
      s.configs().forEach(c -> names.add(c.attributeName()));
      for (ServiceUse use : s.services()) {
        CATALOG.service(use.service()).orElseThrow().configs().forEach(c -> names.add(c.attributeName()));
      }
      // A name the labels of two configs make is refused (E0413), so it is not offered either.
      names.stream().filter(n -> java.util.Collections.frequency(names, n) == 1).forEach(expected::add);
    }
    assertThat(propertyNames(configOf("Dev Raw Data Source"))).containsExactlyElementsOf(expected)
        .doesNotContain("max_line_length");

    List<String> predicates = CATALOG.byLabel("Stream Selector").get(0).configs().stream()
        .filter(ConfigDefinition::isPredicate).map(ConfigDefinition::attributeName).toList();
    assertThat(predicates).isNotEmpty();
    assertThat(propertyNames(configOf("Stream Selector"))).doesNotContainAnyElementsOf(predicates).contains("on_record_error");
  }

  @Test
  void aConfigKeyCarriesItsTypeDefaultAllowedValuesAndDescription() {
    JsonNode config = configOf("Dev Raw Data Source");
    JsonNode batch = resolve(config.get("properties").get("stop_after_first_batch"));
    assertThat(batch.get("$ref").asText()).isEqualTo("#/$defs/booleanValue");
    assertThat(batch.get("default").asBoolean(true)).isFalse();
    assertThat(batch.get("description").asText())
        .isEqualTo("Stop After First Batch (stopAfterFirstBatch)\n\nType: true or false. Default: false. Required.");

    JsonNode onError = resolve(config.get("properties").get("on_record_error"));
    JsonNode values = resolve(onError.get("anyOf").get(0));
    assertThat(values.get("enum")).extracting(JsonNode::asText).containsExactly("DISCARD", "TO_ERROR", "STOP_PIPELINE");
    assertThat(values.get("enumDescriptions")).extracting(JsonNode::asText)
        .containsExactly("Discard", "Send to Error", "Stop Pipeline");
    assertThat(onError.get("default").asText()).isEqualTo("TO_ERROR");
    assertThat(onError.get("description").asText()).endsWith("Type: one of the values below. Default: TO_ERROR. "
        + "Values: DISCARD (Discard), TO_ERROR (Send to Error), STOP_PIPELINE (Stop Pipeline). Required.");
    assertThat(config.get("additionalProperties").asBoolean(true)).isFalse();
  }

  @Test
  void aLabelsTypeIsCheckedAndATypoOfALabelNamesTheLabel() {
    JsonNode conditions = SCHEMA.at("/$defs/stage/allOf");
    List<String> messages = new ArrayList<>();
    Map<String, List<String>> typesByLabel = new java.util.TreeMap<>();
    conditions.forEach(c -> {
      JsonNode label = c.at("/then/properties/label");
      if (label.has("errorMessage")) {
        messages.add(label.get("errorMessage").asText());
      }
      JsonNode types = c.at("/then/properties/type/enum");
      JsonNode when = c.at("/if/properties/label/const");
      if (types.isArray() && when.isTextual() && !c.at("/if/properties/type").isObject()) {
        List<String> list = new ArrayList<>();
        types.forEach(t -> list.add(t.asText()));
        typesByLabel.put(when.asText(), list);
      }
    });
    assertThat(typesByLabel.get("Trash")).containsExactly("destination");
    assertThat(typesByLabel.get("Amazon S3")).containsExactlyInAnyOrder("origin", "destination", "executor");
    assertThat(messages).contains("Unknown stage label; did you mean `Trash`?");
    String trash = conditions.findValues("pattern").stream().map(JsonNode::asText)
        .filter(p -> p.startsWith("^(?:[Tt][Rr][Aa][Ss][Hh]|")).findFirst().orElseThrow();
    java.util.regex.Pattern typos = java.util.regex.Pattern.compile(trash);
    assertThat(List.of("Trsh", "trash", "Trahs", "Trassh", "Tarsh", "TRASH")).allMatch(t -> typos.matcher(t).matches());
    assertThat(List.of("Tr", "Local FS", "Trash Can")).noneMatch(t -> typos.matcher(t).matches());
  }

  @Test
  void labelsAreEveryCanvasLabelOnceWithEachTypeDescriptionAndLibrary() {
    JsonNode label = SCHEMA.at("/$defs/stage/properties/label");
    Map<String, String> byLabel = new java.util.TreeMap<>();
    label.get("anyOf").forEach(c -> {
      if (c.has("const")) {
        byLabel.put(c.get("const").asText(), c.get("description").asText());
      }
    });

    Set<String> canvas = new HashSet<>();
    CATALOG.stages().stream().filter(StageDefinition::onCanvas).forEach(s -> canvas.add(s.label()));
    // Every label once, and one alternative for any other text (flagged in one line by a condition).
    assertThat(byLabel.keySet()).containsExactlyInAnyOrderElementsOf(canvas).hasSize(label.get("anyOf").size() - 1);
    assertThat(byLabel.get("Trash")).isEqualTo("destination — Discards records (Basic)");
    assertThat(byLabel.get("Amazon S3").lines()).hasSize(3).allMatch(l -> l.matches("(origin|destination|executor).*"));
    assertThat(byLabel).doesNotContainKey("Discard"); // an error stage only
  }

  @Test
  void identicalSubschemasAreStoredOnce() {
    Set<JsonNode> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    SCHEMA.get("$defs").properties().forEach(e -> {
      if (!seen.add(e.getValue())) {
        duplicates.add(e.getKey());
      }
    });
    assertThat(duplicates).isEmpty();
    // Several stages share a configuration surface, so there are fewer config schemas than stages.
    long configs = SCHEMA.get("$defs").properties().stream().filter(e -> e.getKey().startsWith("config_")).count();
    assertThat(configs).isLessThan(CATALOG.stages().size());
  }

  @Test
  void aUsersDefinitionsAddTheirStagesAndConfigs() {
    ConfigDefinition mode = ConfigDefinition.builder("conf.mode", ConfigType.MODEL).label("Mode")
        .description("How to frobnicate").defaultValue(JsonNodeFactory.instance.textNode("FAST")).required(true)
        .displayPosition(1)
        .model(new ConfigModel("VALUE_CHOOSER", List.of("FAST", "SLOW"), List.of("Fast", "Slow"), List.of()))
        .build();
    StageDefinition frobnicator = StageDefinition.builder("acme-lib", "com_acme_Frobnicator", "1", StageType.PROCESSOR)
        .libraryLabel("ACME").label("Frobnicator").description("Frobnicates records").configs(List.of(mode))
        .outputStreams(1).build();
    Catalog overlaid = CATALOG.overlay(new Catalog(List.of(frobnicator), List.of(), List.of()));

    ObjectNode schema = FlowSchemaGenerator.withBundledStructure().generate(overlaid);
    Schema validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);

    assertThat(schema.at("/$defs/stage/properties/label/anyOf").findValuesAsText("description"))
        .contains("processor — Frobnicates records (ACME)");
    assertThat(validator.validate(tree(through("{label: Frobnicator, config: {mode: SLOW}}")))).isEmpty();
    assertThat(validator.validate(tree(through("{label: Frobnicator, config: {mode: MEDIUM}}")))).isNotEmpty();
    assertThat(validator.validate(tree(through("{label: Frobnicator, config: {conf.mode: SLOW}}")))).isEmpty();
    assertThat(VALIDATOR.validate(tree(through("{label: Frobnicator}")))).as("unknown to the bundled schema").isNotEmpty();
  }

  @Test
  void theCompilerKeepsTheStructuralSchemaSoCatalogMistakesAreReportedOnceByLaterPhases() {
    Compilation c = COMPILER.compile(new SourceFile("t.flow.yaml",
        through("{label: Field Removerr, predicates: {a: '${true}'}, config: {fieldss: [/a]}}")));
    List<Code> errors = c.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList();
    assertThat(errors).containsExactly(Code.UNKNOWN_LABEL);

    Compilation d = COMPILER.compile(new SourceFile("t.flow.yaml", source("{data_format: JSONN, stop_after_first_bach: true}")));
    assertThat(d.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList())
        .containsExactlyInAnyOrder(Code.CONFIG_INVALID_CHOICE, Code.UNKNOWN_CONFIG);
  }

  private static JsonNode configOf(String label) {
    for (JsonNode condition : SCHEMA.at("/$defs/stage/allOf")) {
      if (condition.at("/if/properties/label/const").asText().equals(label) && !condition.at("/if/properties/type").isMissingNode()) {
        continue;
      }
      if (condition.at("/if/properties/label/const").asText().equals(label)) {
        return resolve(condition.at("/then/properties/config"));
      }
    }
    throw new AssertionError("no config schema for " + label);
  }

  private static JsonNode resolve(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref == null || schema.size() > 1) {
      return schema;
    }
    return SCHEMA.at(ref.asText().substring(1));
  }

  private static List<String> propertyNames(JsonNode mapping) {
    List<String> names = new ArrayList<>();
    mapping.get("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode tree(String yaml) {
    Diagnostics out = new Diagnostics();
    return new YamlTreeReader().read(new SourceFile("t.flow.yaml", yaml), out).orElseThrow().root();
  }
}
