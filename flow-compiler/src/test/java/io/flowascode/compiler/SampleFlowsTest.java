package io.flowascode.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample compiles without errors to exactly its golden pipeline JSON, and compiling twice
 * gives the same bytes. Regenerate the goldens after an intended change with
 * {@code -Dflow.updateGoldens=true}.
 */
class SampleFlowsTest {
  static final Path SAMPLES = Path.of("..", "samples");
  static final Path GOLDEN = SAMPLES.resolve("expected");

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".flow.yaml")).sorted().toList().stream();
    }
  }

  private final FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void compilesToItsGoldenPipeline(Path sample) throws IOException {
    Compilation c = compiler.compile(sample, "samples/" + sample.getFileName());
    List<Diagnostic> errors = c.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertThat(errors).as("errors compiling %s", sample).isEmpty();
    String json = c.pipeline().orElseThrow().json();
    Path golden = GOLDEN.resolve(c.flowId().orElseThrow() + ".json");
    if (Boolean.getBoolean("flow.updateGoldens")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, json, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file for %s (run with -Dflow.updateGoldens=true to create it)", sample).exists();
    assertThat(json).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void compilingTwiceGivesIdenticalBytes(Path sample) {
    String first = compiler.compile(sample, sample.toString()).pipeline().orElseThrow().json();
    FlowCompiler fresh = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);
    String second = fresh.compile(sample, sample.toString()).pipeline().orElseThrow().json();
    assertThat(second).isEqualTo(first);
  }
}
