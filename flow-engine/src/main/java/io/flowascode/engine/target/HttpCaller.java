package io.flowascode.engine.target;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Sends requests with the two disciplines a deploy tool needs: idempotent calls (reads) are
 * retried with backoff on network errors and on 502, 503 and 504; writes are sent exactly once,
 * and OkHttp is kept from resending them too (their bodies are one-shot), so a write whose answer
 * is lost surfaces as an {@link IOException} for the caller to resolve by reading back.
 */
final class HttpCaller {
  private static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503, 504);
  static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient client;
  private final RetryPolicy retry;

  HttpCaller(OkHttpClient client, RetryPolicy retry) {
    this.client = client;
    this.retry = retry;
  }

  /** A call safe to repeat: retried per the policy; the last failure or answer is returned. */
  HttpResult idempotent(Request request) throws IOException {
    IOException lastFailure = null;
    HttpResult lastAnswer = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      if (attempt > 1) {
        pause(waitBefore(attempt - 1, lastAnswer));
      }
      try {
        lastAnswer = execute(request);
        lastFailure = null;
        if (!RETRIED_STATUSES.contains(lastAnswer.status())) {
          return lastAnswer;
        }
      } catch (IOException e) {
        // An interrupted caller, or a certificate the client does not trust: trying again changes nothing.
        if (Thread.currentThread().isInterrupted() || e instanceof SSLException) {
          throw e;
        }
        lastFailure = e;
        lastAnswer = null;
      }
    }
    if (lastFailure != null) {
      throw lastFailure;
    }
    return lastAnswer;
  }

  /** Failures that happen before a request is sent, so a write cannot have taken effect. */
  static boolean failedBeforeSending(IOException e) {
    return e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof SSLHandshakeException
        || e instanceof SSLPeerUnverifiedException;
  }

  /** A call that must not be repeated blindly: sent once. */
  HttpResult once(Request request) throws IOException {
    return execute(request);
  }

  /**
   * A body OkHttp will not send twice: were a connection to fail after sending started, it gives
   * up instead of silently retrying (its default for repeatable bodies).
   */
  static RequestBody oneShot(byte[] content, MediaType type) {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return type;
      }

      @Override
      public long contentLength() {
        return content.length;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(content);
      }
    };
  }

  private HttpResult execute(Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      String body = response.body().string();
      return new HttpResult(response.code(), response.headers(), body);
    }
  }

  /** The policy's backoff, or the server's `Retry-After` seconds when it asks for less than the cap. */
  private Duration waitBefore(int retryNumber, HttpResult answer) {
    Duration backoff = retry.delayBefore(retryNumber, () -> ThreadLocalRandom.current().nextDouble());
    if (answer != null) {
      String retryAfter = answer.headers().get("Retry-After");
      if (retryAfter != null && retryAfter.matches("\\d{1,6}")) {
        Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter));
        return asked.compareTo(retry.maxDelay()) <= 0 ? asked : retry.maxDelay();
      }
    }
    return backoff;
  }

  private static void pause(Duration duration) throws IOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
