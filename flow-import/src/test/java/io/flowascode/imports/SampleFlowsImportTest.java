package io.flowascode.imports;

import io.flowascode.compiler.emit.PipelineTrees;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written samples, compiled and imported back: the imported flow compiles to the same
 * pipeline, needs no definitions file, and importing its pipeline again gives the same text.
 */
class SampleFlowsImportTest {
  private static final Path SAMPLES = Path.of("..", "samples");
  private final Catalog catalog = BundledCatalog.load();
  private final FlowCompiler compiler = new FlowCompiler(catalog, CompilerOptions.DEFAULT);

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".flow.yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void importsToAFlowThatCompilesToTheSamePipeline(Path sample) {
    Compilation original = compiler.compile(sample, sample.toString());
    ImportedFlow imported = imported(original);
    assertThat(imported.definitions()).isEmpty();
    Compilation again = compiler.compile(new SourceFile(imported.flowFileName(), imported.yaml()));
    assertThat(again.hasErrors()).as("the imported flow:%n%s", imported.yaml()).isFalse();
    assertThat(PipelineComparison.compare(PipelineTrees.tree(original.pipeline().orElseThrow()), PipelineTrees.tree(again.pipeline().orElseThrow()), catalog))
        .isEmpty();
    assertThat(imported(again).yaml()).isEqualTo(imported.yaml());
  }

  private ImportedFlow imported(Compilation compilation) {
    ImportResult r = new PipelineImporter(catalog).importPipeline(PipelineTrees.tree(compilation.pipeline().orElseThrow()), compilation.fileName());
    return ((ImportResult.Imported) r).flow();
  }
}
