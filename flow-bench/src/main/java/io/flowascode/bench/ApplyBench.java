package io.flowascode.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.apply.Applier;
import io.flowascode.engine.apply.ApplyReport;
import io.flowascode.engine.apply.DesiredFlow;
import io.flowascode.engine.apply.DesiredFlows;
import io.flowascode.engine.apply.Outcome;
import io.flowascode.engine.apply.PlanResult;
import io.flowascode.engine.apply.Planner;
import io.flowascode.engine.target.BasicCredentials;
import io.flowascode.engine.target.DataCollectorTarget;
import io.flowascode.engine.target.HttpOptions;
import io.flowascode.engine.target.LocalStoreTarget;
import io.flowascode.engine.target.Secret;
import io.flowascode.engine.target.Target;
import io.flowascode.testkit.DataCollectorServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Plan and apply of a project of 200 flows against the local store and the loopback Data
 * Collector double, sequentially and with bounded parallelism: a first apply (every flow
 * created), a second one with nothing to do, and one with 10% of the flows edited. For the server
 * it counts the requests per flow, and it can add a fixed delay to every answer to stand for a
 * real network and engine. {@code ApplyBench [FLOWS [DELAY_MS [PARALLELISM...]]]}, by default 200
 * flows, no delay, parallelism 1 and 4.
 */
public final class ApplyBench {
  private static final Catalog CATALOG = BundledCatalog.load();
  private static final String PASSWORD = "bench-Pa55word";

  private ApplyBench() {}

  public static void main(String[] args) throws Exception {
    int flows = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int delayMs = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    List<Integer> parallelisms = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      parallelisms.add(Integer.parseInt(args[i]));
    }
    if (parallelisms.isEmpty()) {
      parallelisms = List.of(1, 4);
    }
    Path work = Files.createTempDirectory("flow-apply-bench");
    try {
      List<DesiredFlow> desired = compile(work.resolve("flows"), flows);
      List<DesiredFlow> edited = editTenPercent(desired);
      System.out.printf("%d flows compiled; server delay per answer %d ms%n", desired.size(), delayMs);
      System.out.println("| target | parallelism | run | time | requests | per flow | outcome |");
      System.out.println("|---|---:|---|---:|---:|---:|---|");
      int round = 0;
      for (int p : parallelisms) {
        Path store = work.resolve("store-" + round++);
        rounds("local store", p, () -> new LocalStoreTarget(store, CATALOG), null, desired, edited);
        DataCollectorServer server = DataCollectorServer.builder(JsonNodeFactory.instance.objectNode())
            .catalog(CATALOG)
            .user("admin", PASSWORD, "admin")
            .start();
        try {
          if (delayMs > 0) {
            server.faults().delayEvery(Duration.ofMillis(delayMs));
          }
          HttpOptions options = HttpOptions.defaults();
          rounds("Data Collector (loopback)", p, () -> new DataCollectorTarget(server.url(),
              Optional.of(new BasicCredentials("admin", Secret.of(PASSWORD))), options), server, desired, edited);
        } finally {
          server.close();
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  @FunctionalInterface
  private interface Opener {
    Target open() throws Exception;
  }

  private static void rounds(String name, int parallelism, Opener opener, DataCollectorServer server,
      List<DesiredFlow> desired, List<DesiredFlow> edited) throws Exception {
    try (Target target = opener.open()) {
      row(name, parallelism, "first apply (all created)", target, server, desired, Outcome.CREATED);
      row(name, parallelism, "second apply (no change)", target, server, desired, Outcome.UNCHANGED);
      row(name, parallelism, "10% of flows edited", target, server, edited, Outcome.UPDATED);
    }
  }

  private static void row(String name, int parallelism, String run, Target target, DataCollectorServer server,
      List<DesiredFlow> flows, Outcome counted) {
    if (server != null) {
      server.clearRequests();
    }
    long t0 = System.nanoTime();
    PlanResult planned = new Planner(target, CATALOG, parallelism).plan(flows, false);
    ApplyReport report = new Applier(target, CATALOG, parallelism).apply(planned.plan(), planned.snapshots());
    double ms = (System.nanoTime() - t0) / 1e6;
    if (!planned.failures().isEmpty() || report.anyFailed() || report.anyRefused()) {
      throw new IllegalStateException(name + " " + run + ": " + planned.failures() + " " + report.render());
    }
    Supplier<String> requests = () -> server == null ? "-" : server.requests().size() + " (" + byMethod(server) + ")";
    Supplier<String> perFlow = () -> server == null ? "-" : String.format("%.2f", server.requests().size() / (double) flows.size());
    System.out.printf("| %s | %d | %s | %,.0f ms | %s | %s | %d %s |%n", name, parallelism, run, ms,
        requests.get(), perFlow.get(), report.count(counted), counted.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static String byMethod(DataCollectorServer server) {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    server.requests().forEach(r -> counts.merge(r.method(), 1L, Long::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((m, n) -> parts.add(n + " " + m));
    return String.join(", ", parts);
  }

  /** The project: flows of 10 to 58 stages, each with its own id. */
  private static List<DesiredFlow> compile(Path dir, int flows) throws IOException {
    Files.createDirectories(dir);
    for (int i = 1; i <= flows; i++) {
      String id = String.format("flow-%03d", i);
      Files.writeString(dir.resolve(id + ".flow.yaml"), FlowGenerator.flow(10 + (i % 7) * 8, id), StandardCharsets.UTF_8);
    }
    FlowCompiler compiler = new FlowCompiler(CATALOG, CompilerOptions.DEFAULT);
    BatchResult batch = new FlowBatch(compiler).compile(FlowSources.expand(List.of(dir)), dir);
    if (batch.hasErrors()) {
      throw new IllegalStateException("the generated project does not compile");
    }
    return DesiredFlows.of(batch);
  }

  /** Every tenth flow with 2% of its stage configs changed. */
  private static List<DesiredFlow> editTenPercent(List<DesiredFlow> flows) {
    List<DesiredFlow> result = new ArrayList<>();
    for (int i = 0; i < flows.size(); i++) {
      DesiredFlow f = flows.get(i);
      if (i % 10 == 0) {
        ObjectNode copy = ((ObjectNode) f.pipeline()).deepCopy();
        ConfigEdits.editEvery(copy, 50);
        result.add(new DesiredFlow(f.id(), f.title(), f.description(), copy));
      } else {
        result.add(f);
      }
    }
    return result;
  }
}
