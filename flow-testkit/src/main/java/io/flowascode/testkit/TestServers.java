package io.flowascode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a test server from the command line and prints its URL, for trying the tool by hand or
 * from another build's integration tests. Runs until killed.
 *
 * <pre>
 * datacollector --definitions FILE [--port N] [--auth basic|form|none] [--user NAME:PASSWORD:ROLE[,ROLE]]...
 * watsonx --api-key KEY --project ID [--port N] [--token-seconds N] [--page-size N] [--engine-version V]...
 *     [--environment ID:VERSION]... [--definitions VERSION=FILE]... [--rate-limit N]
 * </pre>
 */
public final class TestServers {
  private TestServers() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 0) {
      usage();
      return;
    }
    Iterator<String> options = Arrays.asList(args).subList(1, args.length).iterator();
    LoopbackServer server;
    switch (args[0]) {
      case "datacollector" -> server = dataCollector(options);
      case "watsonx" -> server = watsonx(options);
      default -> {
        usage();
        return;
      }
    }
    System.out.println(server.url());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    new CountDownLatch(1).await();
  }

  private static LoopbackServer dataCollector(Iterator<String> options) throws IOException {
    JsonNode definitions = null;
    int port = 0;
    DataCollectorServer.AuthMode mode = DataCollectorServer.AuthMode.FORM;
    List<String[]> users = new ArrayList<>();
    while (options.hasNext()) {
      String option = options.next();
      String value = options.hasNext() ? options.next() : "";
      switch (option) {
        case "--definitions" -> definitions = new ObjectMapper().readTree(Path.of(value).toFile());
        case "--port" -> port = Integer.parseInt(value);
        case "--auth" -> mode = DataCollectorServer.AuthMode.valueOf(value.toUpperCase(Locale.ROOT));
        case "--user" -> users.add(value.split(":", 3));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (definitions == null) {
      throw new IllegalArgumentException("--definitions FILE is required (a /rest/v1/definitions answer)");
    }
    DataCollectorServer.Builder builder = DataCollectorServer.builder(definitions).port(port).authMode(mode);
    for (String[] user : users) {
      builder.user(user[0], user.length > 1 ? user[1] : "", user.length > 2 ? user[2].split(",") : new String[] {"admin"});
    }
    return builder.start();
  }

  private static LoopbackServer watsonx(Iterator<String> options) throws IOException {
    WatsonxServer.Builder builder = WatsonxServer.builder();
    while (options.hasNext()) {
      String option = options.next();
      String value = options.hasNext() ? options.next() : "";
      switch (option) {
        case "--port" -> builder.port(Integer.parseInt(value));
        case "--api-key" -> builder.apiKey(value, "IBMid-test");
        case "--project" -> builder.project(value);
        case "--token-seconds" -> builder.tokenLifetime(Duration.ofSeconds(Long.parseLong(value)));
        case "--page-size" -> builder.pageSize(Integer.parseInt(value));
        case "--engine-version" -> builder.engineVersion(value, true);
        case "--environment" -> builder.environment(value.substring(0, value.indexOf(':')), value.substring(value.indexOf(':') + 1));
        case "--definitions" -> builder.definitions(value.substring(0, value.indexOf('=')),
            new ObjectMapper().readTree(Path.of(value.substring(value.indexOf('=') + 1)).toFile()));
        case "--rate-limit" -> builder.rateLimit(Integer.parseInt(value), Duration.ofSeconds(1));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return builder.start();
  }

  private static void usage() {
    System.err.println("usage: TestServers datacollector --definitions FILE [--port N] [--auth basic|form|none]"
        + " [--user NAME:PASSWORD:ROLE[,ROLE]]...");
    System.err.println("       TestServers watsonx --api-key KEY --project ID [--port N] [--token-seconds N]"
        + " [--page-size N] [--engine-version V]... [--environment ID:VERSION]... [--definitions VERSION=FILE]..."
        + " [--rate-limit N]");
  }
}
