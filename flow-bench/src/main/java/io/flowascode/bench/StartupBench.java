package io.flowascode.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Start-up of the command line, end to end, from the repository root: the JVM alone, the CLI
 * doing nothing (`--version`), and `flow validate` of one sample (bundled catalog, schema and one
 * compile). {@code StartupBench [RUNS]}, 20 runs by default; needs {@code flow-cli/target/flow.jar}.
 */
public final class StartupBench {
  private StartupBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path root = Path.of("").toAbsolutePath();
    Path jar = root.resolve("flow-cli/target/flow.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build the CLI first: ./mvnw -pl flow-cli -am package (no " + jar + ")");
    }
    String java = ProcessTimer.java();
    ProcessTimer timer = new ProcessTimer(runs, root);
    List<ProcessTimer.Timing> timings = List.of(
        timer.time("java -version (the JVM floor)", List.of(java, "-version")),
        timer.time("flow --version (JVM + CLI classes)", List.of(java, "-jar", jar.toString(), "--version")),
        timer.time("flow validate samples/06-stream-selector", List.of(java, "-jar", jar.toString(), "validate",
            "samples/06-stream-selector.flow.yaml")));
    timings.forEach(t -> System.out.println(t.line()));
  }
}
