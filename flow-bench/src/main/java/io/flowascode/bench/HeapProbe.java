package io.flowascode.bench;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Compiles one flow file the way `flow compile` does (bundled catalog, every phase, the JSON
 * text) in a JVM of its own, then prints the heap pools' peaks: run by {@link MemoryBench} with a
 * given -Xmx, where finishing at all is the test. Exit status 0 when the flow compiled, 3 when the
 * heap ran out. {@code HeapProbe FILE}.
 */
public final class HeapProbe {
  static final int OUT_OF_MEMORY = 3;

  private HeapProbe() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    String json;
    try {
      FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);
      Compilation c = compiler.compile(file, file.getFileName().toString());
      if (c.pipeline().isEmpty()) {
        System.out.println("FAILED " + c.diagnostics().size() + " diagnostics");
        System.exit(1);
        return;
      }
      json = c.pipeline().get().json();
    } catch (OutOfMemoryError e) {
      System.out.println("OUT_OF_MEMORY");
      System.exit(OUT_OF_MEMORY);
      return;
    }
    long sumOfPeaks = 0;
    StringBuilder pools = new StringBuilder();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        long peak = pool.getPeakUsage().getUsed();
        sumOfPeaks += peak;
        pools.append(' ').append(pool.getName().replace(' ', '_')).append('=').append(mb(peak));
      }
    }
    System.out.printf("OK jsonChars=%d heapPeakSumMB=%s%s%n", json.length(), mb(sumOfPeaks), pools);
  }

  private static String mb(long bytes) {
    return String.format("%.1f", bytes / (1024.0 * 1024.0));
  }
}
