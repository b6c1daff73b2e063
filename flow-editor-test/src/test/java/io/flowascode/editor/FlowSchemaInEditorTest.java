package io.flowascode.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.editor.YamlLanguageServer.Completion;
import io.flowascode.editor.YamlLanguageServer.Problem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The committed `schemas/flow.schema.json` in Red Hat's YAML language server, bound to
 * `*.flow.yaml` through `yaml.schemas` as an editor binds it: completion, hover and diagnostics are
 * what a flow author sees in VS Code. Every document that should be clean is checked after the
 * server has shown it applies the schema, so "no diagnostics" never means "not validated yet".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowSchemaInEditorTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  private static final Path SCHEMA = MODULE.resolveSibling("schemas").resolve("flow.schema.json");
  private static final Path SAMPLES = MODULE.resolveSibling("samples");

  private YamlLanguageServer server;

  @BeforeAll
  void startServer() throws IOException {
    Optional<Path> node = YamlLanguageServer.node();
    assumeTrue(node.isPresent(), "node is not on the PATH: skipping the editor tests (install Node.js, then "
        + "`(cd flow-editor-test && npm ci)`)");
    Optional<Path> script = YamlLanguageServer.installedServer(MODULE);
    assumeTrue(script.isPresent(), "yaml-language-server is not installed in " + MODULE.resolve("node_modules")
        + ": skipping the editor tests (run `(cd flow-editor-test && npm ci)`, as .ci/run does)");
    ObjectNode schemas = LspConnection.JSON.createObjectNode().put(SCHEMA.toUri().toString(), "*.flow.yaml");
    server = YamlLanguageServer.start(node.get(), script.get(), schemas);
    // A known mistake proves the settings arrived and the schema loaded before any test relies on it.
    String canary = """
        flow: {id: canary}
        stages:
          sink: {label: Trash, config: {nothing_here: 1}}
        """;
    URI uri = document("canary.flow.yaml");
    server.open(uri, canary);
    server.diagnostics(uri, problems -> !problems.isEmpty());
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void completingALabelOffersTheCatalogsLabelsWithTheirTypeAndDescription() throws IOException {
    String text = """
        flow: {id: labels}
        stages:
          sink:
            label:\s
        """;
    URI uri = document("labels.flow.yaml");
    server.open(uri, text);

    List<Completion> offered = server.completion(uri, lineOf(text, "label:"), "    label: ".length());

    assertThat(offered).extracting(Completion::label).contains("Trash", "Stream Selector", "Dev Raw Data Source");
    assertThat(documentationOf(offered, "Trash")).startsWith("destination — Discards records");
    assertThat(documentationOf(offered, "Stream Selector")).startsWith("processor — ");
    assertThat(documentationOf(offered, "Amazon S3")).contains("origin — ").contains("destination — ");
  }

  @Test
  void completingInsideConfigOffersThatStagesReadableNamesOnly() throws IOException {
    String text = """
        flow: {id: config-keys}
        stages:
          source:
            label: Dev Raw Data Source
            config:
              raw_data: '{"a": 1}'
              \s
        """;
    URI uri = document("config-keys.flow.yaml");
    server.open(uri, text);

    List<Completion> offered = server.completion(uri, lineOf(text, "raw_data") + 1, 6);

    assertThat(offered).extracting(Completion::label)
        .contains("stop_after_first_batch", "on_record_error", "data_format", "json_content")
        .doesNotContain("stopAfterFirstBatch", "dataFormatConfig.jsonContent") // raw names stay out of the list
        .doesNotContain("directory_template", "files_directory");               // other stages' configs too
    assertThat(documentationOf(offered, "stop_after_first_batch")).contains("Stop After First Batch");
  }

  @Test
  void completingAValueOffersTheAllowedValuesWithTheLabelsTheUiShows() throws IOException {
    String text = """
        flow: {id: config-values}
        stages:
          source:
            label: Dev Raw Data Source
            config:
              stop_after_first_batch:\s
              data_format:\s
        """;
    URI uri = document("config-values.flow.yaml");
    server.open(uri, text);

    List<Completion> booleans = server.completion(uri, lineOf(text, "stop_after_first_batch"), "      stop_after_first_batch: ".length());
    List<Completion> formats = server.completion(uri, lineOf(text, "data_format"), "      data_format: ".length());

    assertThat(booleans).extracting(Completion::label).containsExactlyInAnyOrder("true", "false");
    assertThat(formats).extracting(Completion::label).contains("JSON", "DELIMITED", "SDC_JSON").hasSize(14);
    assertThat(documentationOf(formats, "SDC_JSON")).isEqualTo("SDC Record");
  }

  @Test
  void aMisspelledConfigKeyAndAValueNotAllowedAreFlaggedOnTheirLines() throws IOException {
    String text = """
        flow: {id: mistakes}
        stages:
          source:
            label: Dev Raw Data Source
            config:
              stop_after_first_bach: true
              data_format: JSONN
              raw_data: '{"a": 1}'
          sink: {label: Trash}
        connections:
          - source >> sink
        """;
    URI uri = document("mistakes.flow.yaml");
    server.open(uri, text);

    List<Problem> problems = server.diagnostics(uri, p -> p.size() >= 2);

    assertThat(problems).hasSize(2);
    assertThat(problemOn(problems, lineOf(text, "stop_after_first_bach"))).contains("stop_after_first_bach");
    assertThat(problemOn(problems, lineOf(text, "JSONN"))).contains("\"JSON\"", "\"DELIMITED\"");
  }

  @Test
  void hoveringAConfigKeyShowsItsLabelDescriptionAndRawName() throws IOException {
    String text = """
        flow: {id: hover}
        stages:
          source:
            label: Dev Raw Data Source
            config:
              stop_after_first_batch: true
              on_record_error: DISCARD
        """;
    URI uri = document("hover.flow.yaml");
    server.open(uri, text);

    String key = server.hover(uri, lineOf(text, "stop_after_first_batch"), 9);
    String chooser = server.hover(uri, lineOf(text, "on_record_error"), 9);
    String label = server.hover(uri, lineOf(text, "label:"), "    label: Dev".length());

    assertThat(key).contains("Stop After First Batch").contains("stopAfterFirstBatch");
    assertThat(chooser).contains("On Record Error — Action to take with records sent to error").contains("Send to Error");
    assertThat(label).contains("origin — ").contains("Dev (for development only)");
  }

  @Test
  void whatTheCompilerAcceptsIsNotFlaggedAndWhatItRejectsIs() throws IOException {
    String text = """
        flow:
          id: accepted
          parameters: {LIMIT: 10}
          settings:
            delivery_guarantee: AT_MOST_ONCE
            executionMode: STANDALONE
        stages:
          source:
            label: Dev Raw Data Source
            config:
              stop_after_first_batch: ${LIMIT > 1}
              max_object_length_in_chars: ${LIMIT}
              dataFormatConfig.charset: UTF-8
              data_format: JSON
              json_content: ARRAY_OBJECTS
          route:
            label: Stream Selector
            predicates:
              big: '${record:value("/a") > LIMIT}'
              small: record:value("/a") < 1
          s3:
            label: Amazon S3
          sink:
            label: Trash
            predicates: {never: '${true}'}
          other:
            label: Trash
            config: {dataFormatConfig.charsett: UTF-8, stop_after_first_batch: yes}
          secret_data:
            label: Dev Raw Data Source
            config: {data_format: JSON, raw_data: {secret: SAMPLE_DATA}}
        """;
    URI uri = document("accepted.flow.yaml");
    server.open(uri, text);

    List<Problem> problems = server.diagnostics(uri, p -> p.size() >= 5);

    assertThat(problems).as(problems.toString()).extracting(Problem::line).containsExactlyInAnyOrder(
        lineOf(text, "small:"),                   // a predicate must be a ${...} condition
        lineOf(text, "s3:"),                      // ambiguous without `type:`
        lineOf(text, "never:"),                   // only a Stream Selector takes predicates
        lineOf(text, "charsett"),                 // a misspelled raw name
        lineOf(text, "charsett"));                // a config of another stage
    assertThat(problemOn(problems, lineOf(text, "s3:"))).contains("type");
  }

  @Test
  void aTypeTheLabelDoesNotHaveIsFlaggedOnItsLine() throws IOException {
    String text = """
        flow: {id: types}
        stages:
          s3:
            label: Amazon S3
            type: processor
          sink:
            label: Trash
            type: origin
          fine:
            label: Amazon S3
            type: destination
        """;
    URI uri = document("types.flow.yaml");
    server.open(uri, text);

    List<Problem> problems = server.diagnostics(uri, p -> p.size() >= 2);

    assertThat(problems).extracting(Problem::line)
        .containsExactlyInAnyOrder(lineOf(text, "type: processor"), lineOf(text, "type: origin"));
    assertThat(problemOn(problems, lineOf(text, "type: processor"))).contains("origin", "destination", "executor");
    assertThat(problemOn(problems, lineOf(text, "type: origin"))).contains("destination");
  }

  @Test
  void aMisspelledLabelGetsAShortDidYouMeanNotTheListOfEveryLabel() throws IOException {
    String text = """
        flow: {id: typo}
        stages:
          sink: {label: Trsh}
          other: {label: trash}
          source: {label: Dev Raw Data Sorce}
          nothing: {label: Qwertyuiop}
        """;
    URI uri = document("typo.flow.yaml");
    server.open(uri, text);

    List<Problem> problems = server.diagnostics(uri, p -> p.size() >= 7);

    assertThat(problems).allSatisfy(p -> assertThat(p.message().length()).as(p.message()).isLessThan(200));
    assertThat(messagesOn(problems, lineOf(text, "Trsh"))).anySatisfy(m -> assertThat(m).contains("did you mean `Trash`?"));
    assertThat(messagesOn(problems, lineOf(text, "trash"))).anySatisfy(m -> assertThat(m).contains("did you mean `Trash`?"));
    assertThat(messagesOn(problems, lineOf(text, "Sorce")))
        .anySatisfy(m -> assertThat(m).contains("did you mean `Dev Raw Data Source`?"));
    assertThat(messagesOn(problems, lineOf(text, "Qwertyuiop"))).singleElement()
        .satisfies(m -> assertThat(m).contains("flow catalog --search"));
  }

  @Test
  void hoveringAConfigKeyShowsItsTypeDefaultAndAllowedValues() throws IOException {
    String text = """
        flow: {id: facts}
        stages:
          source:
            label: Directory
            config:
              batch_size_in_recs: 10
              on_record_error: DISCARD
              files_directory: /in
        """;
    URI uri = document("facts.flow.yaml");
    server.open(uri, text);

    // Markdown escapes underscores; the reader sees them without the backslashes.
    String number = server.hover(uri, lineOf(text, "batch_size_in_recs"), 9).replace("\\", "");
    String chooser = server.hover(uri, lineOf(text, "on_record_error"), 9).replace("\\", "");
    String required = server.hover(uri, lineOf(text, "files_directory"), 9).replace("\\", "");

    assertThat(number).contains("Type: number", "Default: 1000");
    assertThat(chooser).contains("Default: TO_ERROR", "Values: DISCARD (Discard), TO_ERROR (Send to Error), STOP_PIPELINE");
    assertThat(required).contains("Type: text", "Required.");
  }

  @Test
  void everySampleFlowIsCleanWithTheSchemaItsModelineNames() throws IOException {
    List<Path> samples;
    try (Stream<Path> files = Files.list(SAMPLES)) {
      samples = files.filter(p -> p.getFileName().toString().endsWith(".flow.yaml")).sorted().toList();
    }
    assertThat(samples).isNotEmpty();
    for (Path sample : samples) {
      assertThat(Files.readString(sample)).startsWith("# yaml-language-server: $schema=../schemas/flow.schema.json");
      server.open(sample.toUri(), Files.readString(sample));
    }
    List<String> found = new ArrayList<>();
    for (Path sample : samples) {
      server.diagnostics(sample.toUri(), p -> true)
          .forEach(p -> found.add(sample.getFileName() + ":" + (p.line() + 1) + ": " + p.message()));
    }
    assertThat(found).isEmpty();
  }

  private static URI document(String name) {
    return MODULE.resolve("target/editor-documents").resolve(name).toUri();
  }

  /** The zero-based line of the first line containing {@code marker}. */
  private static int lineOf(String text, String marker) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(marker)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no line contains " + marker);
  }

  private static String problemOn(List<Problem> problems, int line) {
    return problems.stream().filter(p -> p.line() == line).map(Problem::message).findFirst()
        .orElseThrow(() -> new AssertionError("no diagnostic on line " + (line + 1) + " among " + problems));
  }

  private static List<String> messagesOn(List<Problem> problems, int line) {
    return problems.stream().filter(p -> p.line() == line).map(Problem::message).toList();
  }

  private static String documentationOf(List<Completion> offered, String label) {
    return offered.stream().filter(c -> c.label().equals(label)).map(Completion::documentation).findFirst()
        .orElseThrow(() -> new AssertionError(label + " not offered"));
  }
}
