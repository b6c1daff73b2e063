package io.flowascode.compiler.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.testing.Expectation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic code has an example that produces it, so none is dead and each has text to show
 * in docs/diagnostics.md. Together with the flow-model's {@code BadYamlFilesTest} (the reading
 * codes, E01xx and W01xx) this covers the whole {@link Code} enum.
 */
class DiagnosticCodeCoverageTest {
  /**
   * Codes no single flow file can produce, each exercised by the test named here instead. Keep
   * this list short: a code that a bad file can show belongs in a bad file.
   */
  private static final Map<Code, String> COVERED_ELSEWHERE = Map.of(
      // Two files are needed to declare one flow id twice.
      Code.DUPLICATE_FLOW_ID, "CrossFileDiagnosticsTest",
      // The fallback for schema rules without a tailored message; the bundled schema has none left.
      Code.SCHEMA_VIOLATION, "SchemaFallbackTest",
      // A --definitions file is read by the CLI and the Maven plugin before any flow is compiled.
      Code.DEFINITIONS_UNREADABLE, "flow-cli: AtomicOutputAndHostileInputTest",
      // The project file's own codes: a project file is no flow file, and flow-engine reads it.
      Code.PROJECT_FLOWS_MISSING, "flow-engine: ProjectFileTest",
      Code.UNKNOWN_DEFAULT_ENVIRONMENT, "flow-engine: ProjectFileTest",
      Code.ENVIRONMENT_INCOMPLETE, "flow-engine: ProjectFileTest",
      Code.SETTING_NOT_FOR_TARGET, "flow-engine: ProjectFileTest",
      Code.UNKNOWN_PARAMETER_OVERRIDE, "flow-engine: ProjectFileTest");

  /**
   * The compiler's own failure. No input may cause it: FlowFuzzTest fails on any E0900, so it can
   * have no example.
   */
  private static final Set<Code> NEVER_EXPECTED = EnumSet.of(Code.INTERNAL_ERROR);

  /** The reading codes; {@code BadYamlFilesTest} in flow-model requires a bad YAML file for each. */
  private static boolean coveredByTheReadersTest(Code code) {
    return code.id().startsWith("E01") || code.id().startsWith("W01");
  }

  @Test
  void everyCodeHasABadFileOrANamedTest() {
    Set<Code> inFiles = codesInBadFiles();
    Set<Code> uncovered = Stream.of(Code.values())
        .filter(c -> !coveredByTheReadersTest(c))
        .filter(c -> !inFiles.contains(c) && !COVERED_ELSEWHERE.containsKey(c) && !NEVER_EXPECTED.contains(c))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Code.class)));

    assertThat(uncovered).as("codes with no bad file under flow-compiler/src/test/resources/bad/"
        + " (add one, or remove the code if nothing can emit it)").isEmpty();
  }

  @Test
  void theExceptionsAreOnlyCodesNoFileShows() {
    Set<Code> inFiles = codesInBadFiles();

    assertThat(COVERED_ELSEWHERE.keySet()).as("codes a bad file covers need no exception").doesNotContainAnyElementsOf(inFiles);
    assertThat(NEVER_EXPECTED).doesNotContainAnyElementsOf(inFiles);
    assertThat(inFiles.stream().filter(DiagnosticCodeCoverageTest::coveredByTheReadersTest))
        .as("reading problems belong in flow-model's bad/yaml files").isEmpty();
  }

  @Test
  void everyCodeHasARowInTheCodeTable() throws IOException {
    String table = Files.readString(Path.of("..", "docs", "diagnostics.md"));

    assertThat(Stream.of(Code.values()).filter(c -> !table.contains("\n| " + c.id() + " |")).map(Code::id))
        .as("codes missing from docs/diagnostics.md").isEmpty();
  }

  private static Set<Code> codesInBadFiles() {
    return BadFlowFiles.all().stream()
        .flatMap(f -> BadFlowFiles.expectations(f).stream())
        .map(Expectation::code)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Code.class)));
  }
}
