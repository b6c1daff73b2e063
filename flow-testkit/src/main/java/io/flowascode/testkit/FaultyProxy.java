package io.flowascode.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An HTTP proxy on loopback that puts faults between a client and a server, independently of the
 * server: answers it makes up, connections cut before or after the server saw a request, answers
 * that never come, delays. Each request gets its own connection to the server, and both sides are
 * told `Connection: close`, so a fault never leaks into the next request.
 */
public final class FaultyProxy implements AutoCloseable {
  /** One request as the proxy saw it, and what it did with it. */
  public record Seen(int index, String method, String path, ProxyFault fault) {}

  /** Decides each request's fault from its number (from 0), method and path. */
  @FunctionalInterface
  public interface Rule {
    ProxyFault decide(int index, String method, String path);
  }

  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "faulty-proxy");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger counter = new AtomicInteger();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile Rule rule = (i, m, p) -> ProxyFault.PASS;

  private FaultyProxy(String upstreamUrl) {
    URI uri = URI.create(upstreamUrl);
    upstream = new InetSocketAddress(uri.getHost(), uri.getPort());
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.submit(this::acceptLoop);
  }

  /** A proxy in front of the server at `upstreamUrl` (http only), passing everything until told otherwise. */
  public static FaultyProxy to(String upstreamUrl) {
    return new FaultyProxy(upstreamUrl);
  }

  public String url() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  public FaultyProxy rule(Rule value) {
    this.rule = value;
    return this;
  }

  /** Every request gets `fault` with probability `fraction`, drawn from a seeded random: the same run each time. */
  public static Rule randomly(long seed, double fraction, ProxyFault fault) {
    Random random = new Random(seed);
    return (i, m, p) -> {
      synchronized (random) {
        return random.nextDouble() < fraction ? fault : ProxyFault.PASS;
      }
    };
  }

  /** `fault` for requests whose method and path match, the rest passed. */
  public static Rule when(String method, String pathPrefix, ProxyFault fault) {
    return (i, m, p) -> m.equals(method) && p.startsWith(pathPrefix) ? fault : ProxyFault.PASS;
  }

  /** Every request the proxy has seen, oldest first. */
  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  public long count(Class<? extends ProxyFault> kind) {
    return seen.stream().filter(s -> kind.isInstance(s.fault())).count();
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    open.forEach(FaultyProxy::quietly);
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        open.add(client);
        threads.submit(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      String headText = new String(head, StandardCharsets.ISO_8859_1);
      String[] requestLine = headText.substring(0, headText.indexOf("\r\n")).split(" ");
      byte[] body = in.readNBytes(contentLength(headText));
      String path = requestLine[1].contains("?") ? requestLine[1].substring(0, requestLine[1].indexOf('?')) : requestLine[1];
      int index = counter.getAndIncrement();
      ProxyFault fault = rule.decide(index, requestLine[0], path);
      seen.add(new Seen(index, requestLine[0], path, fault));
      OutputStream out = client.getOutputStream();
      if (fault instanceof ProxyFault.Answer answer) {
        byte[] text = ("{\"error\": \"injected by the proxy\", \"status\": " + answer.status() + "}")
            .getBytes(StandardCharsets.UTF_8);
        String response = "HTTP/1.1 " + answer.status() + " Injected\r\nContent-Type: application/json\r\n"
            + (answer.retryAfter() == null ? "" : "Retry-After: " + answer.retryAfter() + "\r\n")
            + "Content-Length: " + text.length + "\r\nConnection: close\r\n\r\n";
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.write(text);
        out.flush();
        return;
      }
      if (fault instanceof ProxyFault.Reset) {
        client.setSoLinger(true, 0);
        return;
      }
      if (fault instanceof ProxyFault.Hang) {
        // Until the client gives up (closes) or the proxy is closed.
        while (in.read() >= 0) {
          // Nothing more is expected; keep the connection open.
        }
        return;
      }
      if (fault instanceof ProxyFault.Delay delay) {
        Thread.sleep(delay.length().toMillis());
      }
      byte[] answer = forward(withConnectionClose(headText), body);
      if (fault instanceof ProxyFault.DropAnswer) {
        client.setSoLinger(true, 0);
        return;
      }
      out.write(responseWithConnectionClose(answer));
      out.flush();
    } catch (IOException e) {
      // The client went away; nothing to relay.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(client);
    }
  }

  private byte[] forward(String head, byte[] body) throws IOException {
    try (Socket server = new Socket()) {
      server.connect(upstream, 5000);
      OutputStream out = server.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return server.getInputStream().readAllBytes();
    }
  }

  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toByteArray();
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  private static String withConnectionClose(String head) {
    StringBuilder out = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
        out.append(line).append("\r\n");
      }
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  private static byte[] responseWithConnectionClose(byte[] response) {
    String text = new String(response, StandardCharsets.ISO_8859_1);
    int split = text.indexOf("\r\n\r\n");
    if (split < 0) {
      return response;
    }
    String head = withConnectionClose(text.substring(0, split + 4));
    byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] result = new byte[headBytes.length + response.length - split - 4];
    System.arraycopy(headBytes, 0, result, 0, headBytes.length);
    System.arraycopy(response, split + 4, result, headBytes.length, response.length - split - 4);
    return result;
  }

  private static void quietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing anyway.
    }
  }
}
