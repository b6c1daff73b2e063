package io.flowascode.compiler.diagnostics;

import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.source.SourceFile;
import java.util.List;

/**
 * Prints how fast the compiler gets through the fuzz cases, and the slowest one, for the
 * performance notes. Run from the flow-compiler directory with the test classpath, e.g.
 * {@code java -cp target/test-classes:target/classes:<deps> io.flowascode.compiler.diagnostics.FuzzBench [casesPerFile]}.
 * Not a test: timings depend on the machine.
 */
public final class FuzzBench {
  private FuzzBench() {}

  public static void main(String[] args) {
    int perFile = args.length > 0 ? Integer.parseInt(args[0]) : FlowFuzzTest.CASES_PER_FILE;
    FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);
    List<FuzzCase> cases = FuzzCase.all(perFile, FlowFuzzTest.SEED);
    // One pass to load classes and warm the JIT, as a long-running build would be.
    cases.stream().limit(500).forEach(c -> compiler.compile(new SourceFile(c.name(), c.text())));
    long start = System.nanoTime();
    long slowest = 0;
    FuzzCase slowestCase = null;
    int failures = 0;
    for (FuzzCase c : cases) {
      long t = System.nanoTime();
      failures += FlowFuzzTest.check(compiler, c).isEmpty() ? 0 : 1;
      long took = System.nanoTime() - t;
      if (took > slowest) {
        slowest = took;
        slowestCase = c;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%d cases in %.2f s: %.0f cases/s, %d failing%n", cases.size(), seconds, cases.size() / seconds, failures);
    if (slowestCase != null) {
      System.out.printf("slowest: %.1f ms, %s (%d bytes)%n", slowest / 1e6, slowestCase.name(), slowestCase.text().length());
    }
  }
}
