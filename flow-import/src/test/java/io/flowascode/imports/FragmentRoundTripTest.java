package io.flowascode.imports;

import io.flowascode.compiler.emit.PipelineTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.CatalogFormat;
import io.flowascode.compiler.verify.IssuePhase;
import io.flowascode.compiler.verify.PipelineIssue;
import io.flowascode.compiler.verify.PipelineVerifier;
import io.flowascode.compiler.verify.VerifierOptions;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.EngineCode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real pipelines that use fragments and real fragment exports, from public repositories (see
 * {@code fragments/SOURCES.md} in the test resources), round-trip: each is imported into a flow
 * and the fragment files it uses (or into a fragment file), written out, compiled from disk, and
 * the result compared with the original by meaning, fragment copies included; importing the
 * compiled pipeline again gives the same files. The only problems the compiler may report are
 * those the platform's rules find in the original as it is stored (these exports use Control Hub
 * connections by id, which a Data Collector without Control Hub cannot create).
 */
class FragmentRoundTripTest {
  private static final Catalog BUNDLED = BundledCatalog.load();

  @TempDir
  Path out;

  static Stream<Named<PipelineFiles.Document>> pipelines() throws Exception {
    return documents().stream().filter(d -> !isFragmentExport(d.json())).map(d -> Named.of(d.source(), d));
  }

  static Stream<Named<PipelineFiles.Document>> fragmentExports() throws Exception {
    return documents().stream().filter(d -> isFragmentExport(d.json())).map(d -> Named.of(d.source(), d));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void aPipelineThatUsesFragmentsComesBackWithNothingLost(PipelineFiles.Document document) throws Exception {
    assertThat(document.json().path("pipelineConfig").path("fragments").size()
        + document.json().path("fragments").size()).as("the pipeline uses fragments").isPositive();
    ImportedFlow flow = imported(new PipelineImporter(BUNDLED), document);
    assertThat(flow.fragmentFiles()).as("fragment files").isNotEmpty();
    Path file = write(out, flow);
    Catalog catalog = catalog(flow);

    Compilation compiled = new FlowCompiler(catalog, CompilerOptions.DEFAULT.withEmitRejected(true))
        .compile(file, flow.flowFileName());

    JsonNode original = PipelineDocument.read(document.json()).pipeline();
    assertThat(unexplainedErrors(compiled, PipelineVerifier.verify(original, catalog))).isEmpty();
    assertThat(compiled.pipeline()).isPresent();
    List<PipelineComparison.Difference> lost = PipelineComparison.compare(original, PipelineTrees.tree(compiled.pipeline().get()), catalog)
        .stream().filter(d -> !d.category().equals(PipelineComparison.CONTROL_HUB_PIN_DROPPED)).toList();
    assertThat(lost).as("what the round trip lost").isEmpty();

    ImportedFlow again = imported(new PipelineImporter(catalog),
        new PipelineFiles.Document(document.source(), PipelineTrees.tree(compiled.pipeline().get())));
    assertThat(again.yaml()).as("a second import").isEqualTo(flow.yaml());
    assertThat(again.fragmentFiles()).as("its fragment files").isEqualTo(flow.fragmentFiles());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fragmentExports")
  void aFragmentExportComesBackWithNothingLost(PipelineFiles.Document document) throws Exception {
    ImportedFlow fragment = imported(new PipelineImporter(BUNDLED), document);
    assertThat(fragment.isFragment()).isTrue();
    Path file = write(out, fragment);
    Catalog catalog = catalog(fragment);

    Compilation compiled = new FlowCompiler(catalog, CompilerOptions.DEFAULT.withEmitRejected(true))
        .compile(file, fragment.flowFileName());

    JsonNode original = document.json().path("pipelineFragmentConfig");
    List<PipelineIssue> stored = PipelineVerifier.verify(original, catalog, VerifierOptions.DEFAULT.forFragment());
    assertThat(unexplainedErrors(compiled, stored)).isEmpty();
    assertThat(compiled.fragment()).isPresent();
    List<PipelineComparison.Difference> lost = PipelineComparison.compareFragment(original, PipelineTrees.tree(compiled.pipeline().get()), catalog)
        .stream().filter(d -> !d.category().equals(PipelineComparison.CONTROL_HUB_PIN_DROPPED)).toList();
    assertThat(lost).as("what the round trip lost").isEmpty();

    ImportedFlow again = imported(new PipelineImporter(catalog),
        new PipelineFiles.Document(document.source(), PipelineTrees.tree(compiled.pipeline().get())));
    assertThat(again.yaml()).as("a second import").isEqualTo(fragment.yaml());
  }

  @Test
  void aFragmentExportedAndUsedByPipelinesIsOneFileAndDifferentVersionsAreTwo() throws Exception {
    PipelineImporter importer = new PipelineImporter(BUNDLED);
    List<ImportedFlow> flows = new ArrayList<>();
    for (String zip : List.of("quick-start-fragments.zip", "quick-start-pipelines.zip")) {
      for (PipelineFiles.Document d : PipelineFiles.read(resources().resolve("onefoursix").resolve(zip))) {
        flows.add(imported(importer, d));
      }
    }
    List<String> exported = flows.stream().filter(ImportedFlow::isFragment).map(ImportedFlow::flowFileName).sorted().toList();
    assertThat(exported).containsExactly("fragments/read-files-from-s3.fragment.yaml",
        "fragments/snowflake-direct.fragment.yaml", "fragments/snowflake-file-uploader.fragment.yaml");
    Map<String, String> direct = flows.stream().filter(f -> f.yaml().contains("title: S3 Files to Snowflake (Direct)"))
        .findFirst().orElseThrow().fragmentFiles();
    Map<String, String> uploader = flows.stream().filter(f -> f.yaml().contains("title: S3 Files to Snowflake (File Uploader)"))
        .findFirst().orElseThrow().fragmentFiles();
    // Both pipelines use the exported commit of Read Files from S3, and the Direct one the exported
    // Snowflake (Direct); the File Uploader pipeline uses another commit of its Snowflake fragment.
    assertThat(direct.keySet()).containsExactly("fragments/read-files-from-s3.fragment.yaml", "fragments/snowflake-direct.fragment.yaml");
    assertThat(uploader.keySet()).containsExactly("fragments/read-files-from-s3.fragment.yaml",
        "fragments/snowflake-file-uploader-2.fragment.yaml");
    ImportedFlow readExport = flows.stream().filter(f -> f.flowFileName().equals("fragments/read-files-from-s3.fragment.yaml"))
        .findFirst().orElseThrow();
    assertThat(direct.get("fragments/read-files-from-s3.fragment.yaml")).isEqualTo(readExport.yaml());
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The compiler's errors that the platform's rules do not also find in the original as stored,
   * each by code and the engine codes it quotes. E1003 only repeats a fragment's errors at its use.
   */
  /**
   * Errors the compiler is right to report for the reference engine, though its rules find
   * nothing in the stored JSON: the function `timestamp:nowDate` came with Data Collector 5, so a
   * 3.22 engine cannot evaluate the Splunk fragment's expression (the stage refuses it when it starts).
   */
  private static final Set<String> NEWER_ENGINE = Set.of("calls `timestamp:nowDate`, which is not a function it may use");

  private static List<String> unexplainedErrors(Compilation compiled, List<PipelineIssue> stored) {
    Set<String> storedCodes = new TreeSet<>();
    stored.stream().filter(i -> i.phase() == IssuePhase.SAVE && i.platformCode() != null)
        .forEach(i -> storedCodes.add(i.platformCode()));
    List<String> unexplained = new ArrayList<>();
    for (Diagnostic d : compiled.diagnostics()) {
      if (!d.isError() || d.code() == Code.FRAGMENT_HAS_ERRORS || NEWER_ENGINE.stream().anyMatch(d.message()::contains)) {
        continue;
      }
      List<String> codes = d.engineCodes().stream().map(EngineCode::code).toList();
      if (codes.isEmpty() || !storedCodes.containsAll(codes)) {
        unexplained.add(d.span() + " " + d.code().id() + " " + d.message() + " " + codes);
      }
    }
    return unexplained;
  }

  private static ImportedFlow imported(PipelineImporter importer, PipelineFiles.Document document) {
    ImportResult result = importer.importPipeline(document.json(), document.source());
    assertThat(result).as("%s imports", document.source()).isInstanceOf(ImportResult.Imported.class);
    return ((ImportResult.Imported) result).flow();
  }

  /** Writes the files as `flow import` does; returns the flow's (or fragment's) own file. */
  private static Path write(Path dir, ImportedFlow flow) throws IOException {
    Path file = dir.resolve(flow.flowFileName());
    Files.createDirectories(file.getParent());
    Files.writeString(file, flow.yaml(), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> f : flow.fragmentFiles().entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
    return file;
  }

  private static Catalog catalog(ImportedFlow flow) throws Exception {
    return flow.definitions().isPresent() ? BUNDLED.overlay(CatalogFormat.read(flow.definitions().get())) : BUNDLED;
  }

  private static boolean isFragmentExport(JsonNode json) {
    return json.has("pipelineFragmentConfig") || json.has("fragmentId");
  }

  private static List<PipelineFiles.Document> documents() throws Exception {
    List<PipelineFiles.Document> all = new ArrayList<>();
    Path root = resources();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".zip") || f.toString().endsWith(".json")).sorted().toList()) {
        for (PipelineFiles.Document d : PipelineFiles.read(p)) {
          all.add(new PipelineFiles.Document(root.relativize(Path.of(d.source().split("!")[0])) + tail(d.source()), d.json()));
        }
      }
    }
    return all;
  }

  private static String tail(String source) {
    int bang = source.indexOf('!');
    return bang < 0 ? "" : source.substring(bang);
  }

  private static Path resources() throws URISyntaxException {
    return Path.of(FragmentRoundTripTest.class.getResource("fragments").toURI());
  }
}
