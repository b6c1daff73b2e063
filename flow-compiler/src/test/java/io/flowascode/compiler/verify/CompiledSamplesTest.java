package io.flowascode.compiler.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample flow compiles, and what the compiler emits passes the platform's rules when checked
 * by the verifier, which shares none of the compiler's graph and check code. Both use the bundled
 * catalog once it is built, the real basic and dev definitions until then.
 */
class CompiledSamplesTest {

  static Stream<Path> samples() throws IOException {
    Path dir = samplesDirectory();
    assumeTrue(Files.isDirectory(dir), "the samples directory is not at " + dir.toAbsolutePath());
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(".flow.yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void compiledSamplePassesThePlatformRules(Path sample) {
    boolean bundled = BundledCatalog.class.getResource("bundled/index.txt") != null;
    Catalog catalog = bundled ? BundledCatalog.load() : SharedFiles.basicDevCatalog();
    FlowCompiler compiler = new FlowCompiler(catalog, CompilerOptions.DEFAULT);

    Compilation compilation = compiler.compile(sample, sample.getFileName().toString());

    List<Diagnostic> errors = compilation.diagnostics().stream().filter(Diagnostic::isError).toList();
    // Until the bundled catalog is built, the basic and dev libraries stand in for it; samples
    // using other libraries (Amazon S3, SQS) can then not compile, which says nothing about them.
    boolean onlyUnknownStages = !errors.isEmpty() && errors.stream().allMatch(d -> d.code() == Code.UNKNOWN_LABEL);
    assumeTrue(bundled || !onlyUnknownStages,
        sample.getFileName() + " uses stages outside the basic and dev libraries and the bundled catalog is not built");
    assertThat(errors).isEmpty();
    assertThat(compilation.pipeline()).isPresent();
    List<PipelineIssue> issues = PipelineVerifier.verify(compilation.pipeline().get(), compiler.catalog());
    assertThat(issues).isEmpty();
  }

  /** The repository's samples, from the reactor root when Maven says where it is, else beside the module. */
  private static Path samplesDirectory() {
    String root = System.getProperty("maven.multiModuleProjectDirectory");
    if (root != null && Files.isDirectory(Path.of(root, "samples"))) {
      return Path.of(root, "samples");
    }
    return Path.of("..", "samples");
  }
}
