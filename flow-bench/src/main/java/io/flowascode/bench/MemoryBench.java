package io.flowascode.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Peak heap of compiling a generated flow: runs {@link HeapProbe} in a fresh JVM with the target
 * -Xmx (does the compile finish?), then searches for the smallest -Xmx that still finishes,
 * which is the heap the compile really needs. {@code MemoryBench [STAGES [TARGET_MB]]}, by
 * default 10,000 stages and 256 MB.
 */
public final class MemoryBench {
  private MemoryBench() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int stages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int targetMb = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    Path file = Files.createTempFile("generated-" + stages + "-", ".flow.yaml");
    try {
      Files.writeString(file, FlowGenerator.flow(stages), StandardCharsets.UTF_8);
      System.out.printf("flow of %d stages: %d bytes%n", stages, Files.size(file));
      Result target = probe(file, targetMb);
      System.out.printf("-Xmx%dm (target): %s%n", targetMb, target.line());
      Result roomy = probe(file, 2048);
      System.out.printf("-Xmx2048m (pools' peaks when the heap is not the limit): %s%n", roomy.line());
      // Bisect on 8 MB steps between a heap too small to start and the target (or above it).
      int low = 8;
      int high = target.ok() ? targetMb : 2048;
      while (high - low > 8) {
        int mid = (low + high) / 2;
        if (probe(file, mid).ok()) {
          high = mid;
        } else {
          low = mid;
        }
      }
      System.out.printf("smallest -Xmx that compiles it: %d MB (fails at %d MB)%n", high, low);
      System.out.printf("target <= %d MB: %s%n", targetMb, target.ok() ? "met" : "NOT met");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private record Result(boolean ok, String line) {}

  private static Result probe(Path file, int heapMb) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx" + heapMb + "m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(HeapProbe.class.getName());
    command.add(file.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int status = p.waitFor();
    String last = out.isEmpty() ? "(no output)" : out.lines().reduce((a, b) -> b).orElse(out);
    return new Result(status == 0 && last.startsWith("OK"), last);
  }
}
