package io.flowascode.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * Real HTTP on 127.0.0.1 (the JDK's server), with a request log and fault injection shared by the
 * test servers. Requests are handled concurrently, as a real server would.
 */
abstract class LoopbackServer implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;
  private final String scheme;
  private final Faults faults = new Faults();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  LoopbackServer(int port, Optional<SSLContext> tls) {
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
      if (tls.isPresent()) {
        HttpsServer https = HttpsServer.create(address, 50);
        https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
        server = https;
        scheme = "https";
      } else {
        server = HttpServer.create(address, 50);
        scheme = "http";
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
    executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "test-server-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
  }

  /** Starts serving; called by subclasses' builders once they are fully constructed. */
  final void start() {
    server.start();
  }

  /** `http://127.0.0.1:<port>` (or https), without a trailing slash. */
  public String url() {
    return scheme + "://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public Faults faults() {
    return faults;
  }

  /** Every request received so far, oldest first. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** The answer to one request; faults have already been applied. */
  abstract Reply handle(Call call);

  /** The answer a failure injected with `status` gets, in the platform's shape. */
  abstract Reply injectedFailure(int status);

  /** Whether the body of this request may be recorded (not when it carries a secret). */
  boolean recordsBodyOf(Call call) {
    return true;
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Call call = new Call(exchange, body);
      Duration delay = faults.takeDelay(call.method, call.path);
      if (!delay.isZero()) {
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      Optional<Integer> failure = faults.takeFailure(call.method, call.path);
      Reply reply;
      try {
        reply = failure.isPresent() ? injectedFailure(failure.get()) : handle(call);
      } catch (RuntimeException e) {
        reply = injectedFailure(500);
      }
      if (reply.changedState() && faults.takeDropAfterWrite()) {
        record(call, RecordedRequest.DROPPED);
        // Closing before any header is sent makes the JDK server cut the connection: the client
        // sees its request vanish although its effect is stored.
        return;
      }
      record(call, reply.status());
      send(exchange, reply);
    }
  }

  private void record(Call call, int status) {
    Map<String, List<String>> headers = new LinkedHashMap<>(call.headers);
    headers.remove("authorization");
    headers.remove("cookie");
    String body = recordsBodyOf(call) ? call.body : "<not recorded: carries a secret>";
    requests.add(new RecordedRequest(call.method, call.path, call.rawQuery, headers, body, status));
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("X-Frame-Options", "DENY");
    byte[] body = reply.body();
    // -1 announces an empty body (Content-Length: 0); 0 would mean chunked.
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
