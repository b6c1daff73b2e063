package io.flowascode.compiler.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.diagnostic.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiler and the verifier agree: whatever flow the compiler turns into a pipeline, the
 * verifier finds that pipeline valid. The flows in {@code flows/} probe one platform rule each
 * ({@code probe-*}: the compiler must refuse the flow or emit something valid) or are valid
 * ({@code valid-*}: the compiler must emit them).
 */
class CompilerAgreementTest {

  /**
   * Probes on which the compiler currently emits a pipeline the platform rules reject. Each is a
   * compiler bug; remove the entry once it is fixed.
   */
  private static final Map<String, String> KNOWN_COMPILER_BUGS = Map.of();

  private static FlowCompiler compiler;

  static Stream<Path> flows() throws IOException, URISyntaxException {
    Path dir = Path.of(CompilerAgreementTest.class.getResource("flows").toURI());
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted().toList().stream();
    }
  }

  static Stream<Path> knownBugs() throws IOException, URISyntaxException {
    return flows().filter(p -> KNOWN_COMPILER_BUGS.containsKey(p.getFileName().toString()));
  }

  private static synchronized FlowCompiler compiler() {
    if (compiler == null) {
      compiler = new FlowCompiler(SharedFiles.basicDevCatalog(), CompilerOptions.DEFAULT);
    }
    return compiler;
  }

  @ParameterizedTest
  @MethodSource("flows")
  void whatTheCompilerEmitsPassesThePlatformRules(Path flow) {
    String name = flow.getFileName().toString();
    assumeFalse(KNOWN_COMPILER_BUGS.containsKey(name), () -> "known compiler bug: " + KNOWN_COMPILER_BUGS.get(name));

    Compilation compilation = compiler().compile(flow, name);

    if (name.startsWith("valid-")) {
      assertThat(compilation.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
      assertThat(compilation.pipeline()).isPresent();
    }
    compilation.pipeline().ifPresent(pipeline -> {
      List<PipelineIssue> issues = PipelineVerifier.verify(pipeline, compiler().catalog());
      assertThat(issues).filteredOn(PipelineIssue::fatal).isEmpty();
    });
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("knownBugs")
  void theKnownCompilerBugsStillReproduce(Path flow) {
    Compilation compilation = compiler().compile(flow, flow.getFileName().toString());

    // When this fails the bug is fixed: remove the flow from KNOWN_COMPILER_BUGS.
    assertThat(compilation.pipeline()).isPresent();
    assertThat(PipelineVerifier.verify(compilation.pipeline().get(), compiler().catalog()))
        .filteredOn(PipelineIssue::fatal).isNotEmpty();
  }
}
