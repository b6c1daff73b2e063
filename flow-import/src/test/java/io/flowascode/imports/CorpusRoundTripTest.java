package io.flowascode.imports;

import io.flowascode.compiler.emit.PipelineTrees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.verify.IssuePhase;
import io.flowascode.compiler.verify.PipelineVerifier;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that import is the inverse of compile, on the 90 real pipelines of the shared corpus:
 * each is imported and its files written as import writes them, the flow compiled from its file as
 * every command compiles it (its definitions file found beside it, no flag), and the compiled
 * pipeline compared with the original by meaning ({@link PipelineComparison}: settings, configs, UI
 * names, topology, predicates, parameters, error and other special stages, metadata, UI state).
 * Importing the compiled pipeline again must give the same files. A summary table is printed;
 * every pipeline must come back whole except those the platform itself refuses as they are stored
 * (named in docs/import.md with the reason).
 */
class CorpusRoundTripTest {
  /**
   * Pipelines the platform refuses as stored, so no flow can hold them as they are: the stored
   * pipeline fails the engine's own save rules (the verifier names the code), or, for the first,
   * Trash is its error stage, which the engine refuses to create there (CREATION_008) though the
   * pipeline names a version of it the catalog lacks.
   */
  static final Set<String> PLATFORM_REFUSES = Set.of(
      "streamsets__datacollector-oss__e2e-tests__src__test__ui__testData__testPipeline.json");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  /** What happened to one pipeline. */
  private record Outcome(String file, Set<String> reasons, boolean clean, boolean idempotent, boolean refusedByPlatform) {}

  @Test
  void everyCorpusPipelineImportsAndCompilesBackToTheSamePipeline() throws Exception {
    Path corpus = corpus();
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    Catalog bundled = BundledCatalog.load();
    List<Outcome> outcomes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int n = 0;
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        outcomes.add(roundTrip(name, JSON.readTree(file.toFile()), bundled, Files.createDirectories(work.resolve("p" + n++))));
      } catch (Exception | AssertionError e) {
        failures.add(name + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
      }
    }
    print(outcomes);
    assertThat(failures).as("pipelines whose import or compile threw").isEmpty();
    assertThat(outcomes.stream().filter(o -> !o.clean() && !o.refusedByPlatform()).map(Outcome::file).toList())
        .as("pipelines that do not come back whole, though the platform accepts them as stored").isEmpty();
    assertThat(outcomes.stream().filter(o -> o.refusedByPlatform() && !PLATFORM_REFUSES.contains(o.file())
            && o.reasons().stream().noneMatch(r -> r.startsWith("the platform refuses the original"))).map(Outcome::file).toList())
        .as("pipelines said to be refused by the platform without the verifier saying so").isEmpty();
    assertThat(outcomes.stream().filter(o -> !PLATFORM_REFUSES.contains(o.file()))
            .filter(o -> o.reasons().stream().anyMatch(r -> r.startsWith("compiled regardless"))).map(Outcome::file).toList())
        .as("pipelines the platform refuses whose flow, compiled regardless of its errors, is not the original").isEmpty();
    assertThat(outcomes.stream().filter(o -> o.clean() && !o.idempotent()).map(Outcome::file).toList())
        .as("clean round trips whose second import differs from the first").isEmpty();
    assertThat(outcomes.stream().filter(Outcome::clean).count()).as("clean round trips")
        .isEqualTo(outcomes.size() - outcomes.stream().filter(Outcome::refusedByPlatform).count());
  }

  private static Outcome roundTrip(String name, JsonNode root, Catalog bundled, Path dir) throws Exception {
    ImportResult result = new PipelineImporter(bundled).importPipeline(root, name);
    if (result instanceof ImportResult.Refused refused) {
      return new Outcome(name, Set.of("refused: " + refused.reason()), false, false, false);
    }
    ImportedFlow flow = ((ImportResult.Imported) result).flow();
    Path flowFile = dir.resolve(flow.flowFileName());
    Files.writeString(flowFile, flow.yaml());
    if (flow.definitions().isPresent()) {
      Files.writeString(dir.resolve(flow.definitionsFileName()), flow.definitions().get());
    }
    Compilation compiled = new FlowCompiler(bundled, CompilerOptions.DEFAULT).compile(flowFile, flow.flowFileName());
    Catalog catalog = compiled.catalog();
    if (compiled.pipeline().isEmpty()) {
      Set<String> codes = new LinkedHashSet<>();
      compiled.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> codes.add("compile error " + d.code().id()));
      // A pipeline the platform's own rules refuse as it is stored cannot come back valid.
      Set<String> refused = new java.util.TreeSet<>();
      PipelineVerifier.verify(PipelineDocument.read(root).pipeline(), catalog).stream()
          .filter(i -> i.phase() == IssuePhase.SAVE && i.platformCode() != null)
          .forEach(i -> refused.add(i.platformCode()));
      if (!refused.isEmpty()) {
        codes.add("the platform refuses the original as stored " + refused);
      }
      // Even so, the flow holds the whole pipeline: compiled regardless of its errors, it is the original.
      Compilation regardless = new FlowCompiler(bundled, CompilerOptions.DEFAULT.withEmitRejected(true))
          .compile(flowFile, flow.flowFileName());
      JsonNode stored = PipelineDocument.read(root).pipeline();
      regardless.pipeline().ifPresent(p -> PipelineComparison.compare(stored, PipelineTrees.tree(p), catalog)
          .forEach(d -> codes.add("compiled regardless of errors: " + d.category())));
      return new Outcome(name, codes, false, false, !refused.isEmpty() || PLATFORM_REFUSES.contains(name));
    }
    JsonNode original = PipelineDocument.read(root).pipeline();
    List<PipelineComparison.Difference> differences =
        PipelineComparison.compare(original, PipelineTrees.tree(compiled.pipeline().get()), catalog);
    Set<String> reasons = new LinkedHashSet<>();
    differences.forEach(d -> reasons.add(d.category()));
    boolean clean = differences.isEmpty();
    ImportResult again = new PipelineImporter(catalog).importPipeline(PipelineTrees.tree(compiled.pipeline().get()), name);
    boolean idempotent = again instanceof ImportResult.Imported i && i.flow().yaml().equals(flow.yaml());
    if (clean && !idempotent) {
      reasons.add("second import differs");
    }
    return new Outcome(name, reasons, clean, idempotent, false);
  }

  private static void print(List<Outcome> outcomes) {
    long clean = outcomes.stream().filter(Outcome::clean).count();
    long refused = outcomes.stream().filter(Outcome::refusedByPlatform).count();
    Map<String, Integer> byReason = new TreeMap<>();
    outcomes.forEach(o -> o.reasons().forEach(r -> byReason.merge(r, 1, Integer::sum)));
    StringBuilder table = new StringBuilder();
    table.append(String.format("%nImport round trip over %d corpus pipelines: %d come back whole, %d the platform refuses as"
        + " stored, %d other%n", outcomes.size(), clean, refused, outcomes.size() - clean - refused));
    table.append(String.format("  %-70s %s%n", "reason", "pipelines"));
    byReason.forEach((r, n) -> table.append(String.format("  %-70s %d%n", r, n)));
    for (Outcome o : outcomes) {
      if (!o.clean()) {
        table.append("  not clean: ").append(o.file(), 0, Math.min(90, o.file().length())).append(" ")
            .append(o.reasons()).append('\n');
      }
    }
    System.out.println(table);
  }

  private static Path corpus() {
    String dir = System.getProperty("flow.shared.dir");
    Path corpus = dir == null ? null : Path.of(dir).resolve("corpus/pipelines").toAbsolutePath().normalize();
    assumeTrue(corpus != null && Files.isDirectory(corpus),
        "the corpus of real pipelines was not found (system property flow.shared.dir=" + dir + "); skipping");
    return corpus;
  }
}
