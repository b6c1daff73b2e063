package io.flowascode.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times whole processes: each command is run once to warm the file cache, then {@code runs}
 * times, and the median, minimum and maximum wall times are printed. Output is discarded; a run
 * that exits with another status than the first one is an error, not a sample.
 */
final class ProcessTimer {
  private final int runs;
  private final Path directory;

  ProcessTimer(int runs, Path directory) {
    this.runs = runs;
    this.directory = directory;
  }

  /** One timed command: its median and range in milliseconds. */
  record Timing(String name, double medianMs, double minMs, double maxMs, int runs) {
    String line() {
      return String.format("%-48s median %8.0f ms   min %8.0f   max %8.0f   (%d runs)", name, medianMs, minMs, maxMs, runs);
    }
  }

  Timing time(String name, List<String> command) throws IOException, InterruptedException {
    int expected = run(command);
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      int status = run(command);
      ms[i] = (System.nanoTime() - t0) / 1e6;
      if (status != expected) {
        throw new IllegalStateException(name + ": exit status " + status + " after " + expected + " on the first run");
      }
    }
    Arrays.sort(ms);
    double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
    return new Timing(name, median, ms[0], ms[runs - 1], runs);
  }

  private int run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(new ArrayList<>(command))
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
        .start();
    return p.waitFor();
  }

  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
