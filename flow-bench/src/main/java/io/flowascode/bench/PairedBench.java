package io.flowascode.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.emit.PipelineTrees;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.source.SourceFile;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The compile-against-baseline ratio measured for a shared, noisy machine: compile and baseline
 * (the same work as {@link CompileBenchmark}) alternate sample by sample, so a burst of load from
 * other processes hits both alike, and each sample records the process CPU time as well as the
 * wall time (CPU time does not count the time other processes held the cores). Medians of each.
 * Samples are batches of about 250 ms, as the process CPU clock ticks every 10 ms.
 * {@code PairedBench [SECONDS_PER_SIZE [SIZES...]]}; run with -Xmx1g like the JMH fork.
 */
public final class PairedBench {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private PairedBench() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 60;
    int[] sizes = args.length > 1
        ? Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray()
        : new int[] {10, 100, 1000, 10000};
    FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    ObjectWriter writer = new ObjectMapper().writer(printer);
    LoadSettings yaml = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
    System.out.println("| stages | compile wall | baseline wall | wall ratio | compile CPU | baseline CPU | CPU ratio | pairs |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int stages : sizes) {
      String text = FlowGenerator.flow(stages);
      ObjectNode pipeline = PipelineTrees.tree(compiler.compile(new SourceFile("generated.flow.yaml", text)).pipeline().orElseThrow());
      Work compile = () -> {
        Compilation c = compiler.compile(new SourceFile("generated.flow.yaml", text));
        return c.pipeline().orElseThrow().json().length();
      };
      Work baseline = () -> {
        Object doc = new Load(yaml).loadFromString(text);
        return writer.writeValueAsString(pipeline).length() + (doc == null ? 0 : 1);
      };
      run(compile, baseline, 1, seconds / 3); // warm-up, discarded
      // The process CPU clock ticks every 10 ms: batch the baseline (the shorter) up to about a
      // quarter of a second per sample so a tick is a small part of every sample.
      long t0 = System.nanoTime();
      baseline.run();
      double baselineMs = (System.nanoTime() - t0) / 1e6;
      int batch = (int) Math.max(1, Math.round(250 / Math.max(baselineMs, 0.01)));
      Samples s = run(compile, baseline, batch, seconds);
      System.out.printf("| %,d | %s | %s | %.2fx | %s | %s | %.2fx | %d |%n", stages,
          ms(s.median(s.compileWall)), ms(s.median(s.baselineWall)), s.median(s.compileWall) / s.median(s.baselineWall),
          ms(s.median(s.compileCpu)), ms(s.median(s.baselineCpu)), s.median(s.compileCpu) / s.median(s.baselineCpu),
          s.compileWall.size());
    }
  }

  @FunctionalInterface
  private interface Work {
    int run() throws JsonProcessingException;
  }

  private record Samples(List<Double> compileWall, List<Double> compileCpu, List<Double> baselineWall, List<Double> baselineCpu) {
    double median(List<Double> values) {
      double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
  }

  private static Samples run(Work compile, Work baseline, int batch, double seconds) throws JsonProcessingException {
    Samples s = new Samples(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    long end = System.nanoTime() + (long) (seconds * 1e9);
    int sink = 0;
    while (System.nanoTime() < end || s.compileWall.size() < 5) {
      sink += sample(compile, batch, s.compileWall, s.compileCpu);
      sink += sample(baseline, batch, s.baselineWall, s.baselineCpu);
    }
    if (sink == 42) {
      System.out.print("");
    }
    return s;
  }

  private static int sample(Work work, int batch, List<Double> wall, List<Double> cpu) throws JsonProcessingException {
    long c0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    int sink = 0;
    for (int i = 0; i < batch; i++) {
      sink += work.run();
    }
    wall.add((System.nanoTime() - t0) / 1e6 / batch);
    cpu.add((OS.getProcessCpuTime() - c0) / 1e6 / batch);
    return sink;
  }

  private static String ms(double v) {
    return v >= 100 ? String.format("%,.0f ms", v) : String.format("%.2f ms", v);
  }
}
