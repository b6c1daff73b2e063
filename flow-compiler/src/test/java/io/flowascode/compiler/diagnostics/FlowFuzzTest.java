package io.flowascode.compiler.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thousands of broken variants of the samples and bad files, the same on every run: each compile
 * ends in diagnostics or a pipeline, never an exception or an internal error (E0900), every
 * diagnostic points into the file, and every pipeline passes the platform's structural rules.
 * Failing inputs are written to {@code target/fuzz-failures/} to reproduce them.
 */
class FlowFuzzTest {
  static final int CASES_PER_FILE = 20;
  static final long SEED = 20_240_601L;

  @Test
  void everyMutatedFlowEndsInDiagnosticsOrASanePipeline() throws IOException {
    FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);
    List<FuzzCase> cases = FuzzCase.all(CASES_PER_FILE, SEED);
    List<String> failures = new ArrayList<>();
    for (FuzzCase c : cases) {
      List<String> problems = check(compiler, c);
      if (!problems.isEmpty()) {
        failures.add(c.name() + ": " + String.join("; ", problems) + "\n" + c.text());
        keep(c);
      }
    }

    assertThat(cases).hasSizeGreaterThan(2_000);
    assertThat(failures).as("%d of %d mutated flows broke the compiler's contract; first ones:%n%s",
        failures.size(), cases.size(), String.join("\n---\n", failures.stream().limit(3).toList())).isEmpty();
  }

  /** What is wrong with compiling the case: a thrown exception, an internal error, a bad span or pipeline. */
  static List<String> check(FlowCompiler compiler, FuzzCase c) {
    SourceFile file = new SourceFile(c.name(), c.text());
    try {
      Compilation compilation = compiler.compile(file);
      return CompilationInvariants.violations(file, compilation, compiler.catalog());
    } catch (RuntimeException | StackOverflowError e) {
      return List.of("threw " + e);
    }
  }

  private static void keep(FuzzCase c) throws IOException {
    Path dir = Path.of("target", "fuzz-failures");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(c.name().replaceAll("[^A-Za-z0-9_.#-]", "_") + ".yaml"), c.text(), StandardCharsets.UTF_8);
  }
}
