package io.flowascode.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * JSON-RPC 2.0 over a language server's stdin and stdout, framed as LSP frames them
 * (`Content-Length: N`, a blank line, N bytes of UTF-8 JSON). It answers the server's own
 * requests through a handler, keeps the latest `textDocument/publishDiagnostics` per document,
 * and never waits without a deadline.
 */
final class LspConnection {
  static final ObjectMapper JSON = new ObjectMapper();

  private final OutputStream toServer;
  private final BiFunction<String, JsonNode, JsonNode> serverRequests;
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> diagnostics = new HashMap<>();
  private final Thread reader;
  private volatile IOException failure;

  /**
   * @param serverRequests answers a request the server sends (method, params) with its result
   */
  LspConnection(InputStream fromServer, OutputStream toServer, BiFunction<String, JsonNode, JsonNode> serverRequests) {
    this.toServer = toServer;
    this.serverRequests = serverRequests;
    this.reader = new Thread(() -> readLoop(fromServer), "lsp-reader");
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /** Sends a request and waits at most {@code timeout} for its result. */
  JsonNode request(String method, JsonNode params, Duration timeout) throws IOException {
    int id = nextId.getAndIncrement();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    message.set("params", params);
    send(message);
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException(method + " got no answer within " + timeout + failureNote(), e);
    } catch (ExecutionException e) {
      throw new IOException(method + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(method + " interrupted", e);
    } finally {
      pending.remove(id);
    }
  }

  void notify(String method, JsonNode params) throws IOException {
    ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    message.set("params", params);
    send(message);
  }

  /**
   * Waits until the diagnostics last published for a document satisfy {@code until}, and returns
   * them; fails with the last ones seen when {@code timeout} passes first.
   */
  JsonNode awaitDiagnostics(String uri, Predicate<JsonNode> until, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (diagnostics) {
      while (true) {
        JsonNode current = diagnostics.get(uri);
        if (current != null && until.test(current)) {
          return current;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || failure != null) {
          throw new IOException("diagnostics for " + uri + " did not arrive as expected within " + timeout
              + "; last published: " + (current == null ? "none" : current.toString()) + failureNote());
        }
        try {
          diagnostics.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted waiting for diagnostics", e);
        }
      }
    }
  }

  private synchronized void send(JsonNode message) throws IOException {
    byte[] body = JSON.writeValueAsBytes(message);
    toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    toServer.write(body);
    toServer.flush();
  }

  private void readLoop(InputStream in) {
    try {
      while (true) {
        JsonNode message = JSON.readTree(readFrame(in));
        dispatch(message);
      }
    } catch (IOException e) {
      failure = e;
      pending.values().forEach(f -> f.completeExceptionally(e));
      synchronized (diagnostics) {
        diagnostics.notifyAll();
      }
    }
  }

  private void dispatch(JsonNode message) throws IOException {
    boolean hasId = message.hasNonNull("id");
    if (message.has("method")) {
      String method = message.get("method").asText();
      JsonNode params = message.path("params");
      if (hasId) {
        ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
        reply.set("id", message.get("id"));
        reply.set("result", serverRequests.apply(method, params));
        send(reply);
      } else if (method.equals("textDocument/publishDiagnostics")) {
        synchronized (diagnostics) {
          diagnostics.put(params.path("uri").asText(), params.path("diagnostics"));
          diagnostics.notifyAll();
        }
      }
      return;
    }
    if (hasId) {
      CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
      if (answer != null) {
        if (message.has("error")) {
          answer.completeExceptionally(new IOException(message.get("error").toString()));
        } else {
          answer.complete(message.path("result"));
        }
      }
    }
  }

  /** One frame's body: headers up to a blank line, then exactly Content-Length bytes. */
  private static byte[] readFrame(InputStream in) throws IOException {
    int length = -1;
    while (true) {
      String header = readHeaderLine(in);
      if (header.isEmpty()) {
        break;
      }
      int colon = header.indexOf(':');
      if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
        length = Integer.parseInt(header.substring(colon + 1).trim());
      }
    }
    if (length < 0) {
      throw new IOException("a frame from the server has no Content-Length header");
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException("the server closed its output in the middle of a frame");
    }
    return body;
  }

  private static String readHeaderLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the server closed its output");
      }
      if (b == '\n') {
        String s = line.toString(StandardCharsets.US_ASCII);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(b);
    }
  }

  private String failureNote() {
    return failure == null ? "" : " (connection failed: " + failure.getMessage() + ")";
  }
}
