package io.flowascode.bench;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.source.SourceFile;

/**
 * Compiles one generated flow over and over for a while and prints each time: a steady workload
 * to attach a profiler to (JFR, async-profiler), outside JMH's harness.
 * {@code CompileLoop STAGES SECONDS [bottom-up]}.
 */
public final class CompileLoop {
  private CompileLoop() {}

  public static void main(String[] args) {
    int stages = Integer.parseInt(args[0]);
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
    String text = args.length > 2 && args[2].equals("bottom-up") ? FlowGenerator.bottomUp(stages) : FlowGenerator.flow(stages);
    FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    int runs = 0;
    while (System.nanoTime() < end) {
      long t0 = System.nanoTime();
      Compilation c = compiler.compile(new SourceFile("generated.flow.yaml", text));
      String json = c.pipeline().orElseThrow().json();
      long t1 = System.nanoTime();
      runs++;
      System.out.printf("run %d: %.1f ms (%d diagnostics, %d chars of JSON)%n",
          runs, (t1 - t0) / 1e6, c.diagnostics().size(), json.length());
    }
  }
}
