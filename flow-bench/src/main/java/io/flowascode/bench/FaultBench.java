package io.flowascode.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.testkit.DataCollectorServer;
import io.flowascode.testkit.FaultyProxy;
import io.flowascode.testkit.ProxyFault;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `flow apply samples` (11 flows) against failing Data Collectors, end to end through the CLI jar:
 * how long a dead server (accepts connections, never answers) and a stopped one (refuses them)
 * take to fail the run, with the default options and with `--timeout 2s`, and how many runs a
 * server that answers a fifth of all requests with 500 needs to converge. The loopback double sits
 * behind {@link FaultyProxy}. {@code FaultBench [RUNS]}, 3 runs by default; needs
 * {@code flow-cli/target/flow.jar}.
 */
public final class FaultBench {
  private FaultBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path root = Path.of("").toAbsolutePath();
    Path jar = root.resolve("flow-cli/target/flow.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build the CLI first: ./mvnw -pl flow-cli -am package (no " + jar + ")");
    }
    try (DataCollectorServer server = DataCollectorServer.builder(JsonNodeFactory.instance.objectNode())
        .catalog(BundledCatalog.load()).authMode(DataCollectorServer.AuthMode.NONE).start();
        FaultyProxy proxy = FaultyProxy.to(server.url())) {
      proxy.rule((i, m, p) -> new ProxyFault.Hang());
      time("dead server, defaults", runs, root, jar, proxy.url());
      time("dead server, --timeout 2s", runs, root, jar, proxy.url(), "--timeout", "2s");
      int closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      time("stopped server (connection refused)", runs, root, jar, "http://127.0.0.1:" + closed);
      for (long seed = 1; seed <= 5; seed++) {
        server.close();
        try (DataCollectorServer fresh = DataCollectorServer.builder(JsonNodeFactory.instance.objectNode())
            .catalog(BundledCatalog.load()).authMode(DataCollectorServer.AuthMode.NONE).start();
            FaultyProxy flaky = FaultyProxy.to(fresh.url())) {
          flaky.rule(FaultyProxy.randomly(seed, 0.2, ProxyFault.status(500)));
          int attempts = 0;
          int status = -1;
          while (status != 0 && attempts < 10) {
            attempts++;
            status = run(root, command(jar, flaky.url()));
          }
          System.out.printf("20%% of requests answered 500, seed %d: %s after %d run(s)%n", seed,
              status == 0 ? "converged" : "NOT converged", attempts);
        }
      }
    }
  }

  private static List<String> command(Path jar, String url, String... extra) {
    List<String> command = new ArrayList<>(List.of(ProcessTimer.java(), "-jar", jar.toString(), "apply", "samples",
        "--target", "sdc", "--url", url));
    command.addAll(List.of(extra));
    return command;
  }

  private static void time(String name, int runs, Path root, Path jar, String url, String... extra) throws Exception {
    List<Double> seconds = new ArrayList<>();
    int status = -1;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      status = run(root, command(jar, url, extra));
      seconds.add((System.nanoTime() - t0) / 1e9);
    }
    seconds.sort(null);
    System.out.printf("%-40s exit %d   median %6.1f s   min %6.1f   max %6.1f   (%d runs)%n", name, status,
        seconds.get(seconds.size() / 2), seconds.get(0), seconds.get(seconds.size() - 1), runs);
  }

  private static int run(Path root, List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null"))).start();
    return p.waitFor();
  }
}
