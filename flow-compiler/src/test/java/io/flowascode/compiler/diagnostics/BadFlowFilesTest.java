package io.flowascode.compiler.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.diagnostic.Severity;
import io.flowascode.diagnostic.testing.Expectation;
import io.flowascode.diagnostic.testing.ExpectationChecker;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code bad/} compiles to exactly the diagnostics its comments expect: each
 * reported error and warning is expected with its code, its line and a fragment of its message,
 * and nothing expected is missing. The files double as examples of each diagnostic's wording.
 */
class BadFlowFilesTest {
  private static final FlowCompiler COMPILER = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);

  static Stream<Path> badFiles() {
    return BadFlowFiles.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void compilingTheFileReportsExactlyWhatItsCommentsExpect(Path file) {
    List<Expectation> expected = BadFlowFiles.expectations(file);
    assertThat(expected).as("a bad file must expect at least one diagnostic").isNotEmpty();

    Compilation compilation = COMPILER.compile(file, BadFlowFiles.displayName(file));

    ExpectationChecker.verify(BadFlowFiles.expectations(file, compilation), compilation.diagnostics());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aFileThatExpectsAnErrorProducesNoPipeline(Path file) {
    boolean expectsError = BadFlowFiles.expectations(file).stream().anyMatch(e -> e.severity() == Severity.ERROR);

    Compilation compilation = COMPILER.compile(file, BadFlowFiles.displayName(file));

    assertThat(compilation.pipeline().isEmpty()).isEqualTo(expectsError);
  }

  @Test
  void thereAreBadFilesForEveryPhase() {
    assertThat(BadFlowFiles.all()).hasSizeGreaterThanOrEqualTo(80);
    assertThat(BadFlowFiles.all().stream().map(BadFlowFiles::displayName).map(n -> n.split("/")[1]).distinct())
        .contains("schema", "resolve", "config", "connections", "rules", "header", "lint", "fragments");
  }
}
