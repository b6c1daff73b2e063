package io.flowascode.engine.target;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Sends requests with the disciplines a deploy tool needs.
 *
 * <ul>
 *   <li>Calls safe to repeat (reads) are retried with backoff and jitter on network failures,
 *       timeouts and transient answers (429, 500, 502, 503, 504, as the target judges them), and a
 *       server's `Retry-After` is honoured.
 *   <li>Writes are sent once. They are sent again only when they cannot have been processed: the
 *       connection was refused before anything was sent, or the server answered 429 (it throttles
 *       before doing anything). OkHttp is kept from resending them on its own (their bodies are
 *       one-shot), so a write whose answer is lost surfaces as an {@link IOException} for the
 *       caller to resolve by reading back.
 *   <li>A run has a {@link Deadline}; a server that stops answering ({@value #SILENCES_BEFORE_GIVING_UP}
 *       requests in a row with no answer in time) gets no further requests, so a dead server fails
 *       a run in seconds rather than a timeout per flow and attempt.
 * </ul>
 */
final class HttpCaller {
  /** The statuses worth trying again when nothing more is known. */
  static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 500, 502, 503, 504);
  static final int SILENCES_BEFORE_GIVING_UP = 3;
  static final MediaType JSON = MediaType.get("application/json");
  /** How a deadline message starts when the request was never sent. */
  private static final String NOT_STARTED = "not sent: ";

  private final OkHttpClient client;
  private final RetryPolicy retry;
  private final Duration callTimeout;
  private final Duration readTimeout;
  private final Deadline deadline;
  private final Predicate<HttpResult> transientAnswer;
  private final AtomicInteger silences = new AtomicInteger();

  HttpCaller(OkHttpClient client, HttpOptions options, Predicate<HttpResult> transientAnswer, Clock clock) {
    this.client = client;
    this.retry = options.retry();
    this.callTimeout = options.callTimeout();
    this.readTimeout = options.readTimeout();
    this.deadline = options.deadline().map(d -> Deadline.after(d, clock)).orElse(Deadline.none());
    this.transientAnswer = transientAnswer;
  }

  HttpCaller(OkHttpClient client, HttpOptions options) {
    this(client, options, answer -> TRANSIENT_STATUSES.contains(answer.status()), Clock.systemUTC());
  }

  /** A call safe to repeat: retried per the policy; the last failure or answer is returned. */
  HttpResult idempotent(Request request) throws IOException {
    return repeatable(request, true);
  }

  /**
   * Reading a flow back after a write's answer was lost: retried like a read, and allowed to outlive
   * the deadline, since giving up here would leave the write unresolved.
   */
  HttpResult readBack(Request request) throws IOException {
    return repeatable(request, false);
  }

  /** A call that must not be repeated blindly: sent again only when it cannot have been processed. */
  HttpResult once(Request request) throws IOException {
    HttpResult answer = null;
    for (int attempt = 1; ; attempt++) {
      if (attempt > 1) {
        Optional<Duration> wait = waitBefore(attempt - 1, answer, true);
        if (wait.isEmpty()) {
          return answer;
        }
        pause(wait.get());
      }
      try {
        answer = execute(request, true);
      } catch (IOException e) {
        if (!(e instanceof ConnectException) || attempt >= retry.maxAttempts()) {
          throw e;
        }
        answer = null;
        continue;
      }
      if (answer.status() != 429 || attempt >= retry.maxAttempts()) {
        return answer;
      }
    }
  }

  /**
   * Waits before sending a write again that the server answered without applying; false when the
   * retry policy is used up or the wait would pass the deadline.
   */
  boolean pauseBeforeResending(int attempt, HttpResult answer) throws TargetException {
    if (attempt >= retry.maxAttempts()) {
      return false;
    }
    Optional<Duration> wait = waitBefore(attempt, answer, true);
    if (wait.isEmpty()) {
      return false;
    }
    try {
      pause(wait.get());
    } catch (IOException e) {
      return false;
    }
    return true;
  }

  /** Failures that happen before a request is sent, so a write cannot have taken effect. */
  static boolean failedBeforeSending(IOException e) {
    return e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof SSLHandshakeException
        || e instanceof SSLPeerUnverifiedException
        || e instanceof NotAnsweringException
        || (e instanceof DeadlinePassedException && e.getMessage() != null && e.getMessage().startsWith(NOT_STARTED));
  }

  /** What went wrong, in words a user reads: no stack, no class names unless nothing better is known. */
  static String describe(IOException e) {
    if (e instanceof NotAnsweringException || e instanceof DeadlinePassedException) {
      return e.getMessage();
    }
    if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return "no answer in time (" + (e.getMessage() == null ? "timeout" : e.getMessage()) + ")";
    }
    if (e instanceof ConnectException) {
      return "the connection was refused (" + e.getMessage() + ")";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
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

  private HttpResult repeatable(Request request, boolean boundByDeadline) throws IOException {
    IOException lastFailure = null;
    HttpResult lastAnswer = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      if (attempt > 1) {
        Optional<Duration> wait = waitBefore(attempt - 1, lastAnswer, boundByDeadline);
        if (wait.isEmpty()) {
          break;
        }
        pause(wait.get());
      }
      try {
        lastAnswer = execute(request, boundByDeadline);
        lastFailure = null;
        if (!transientAnswer.test(lastAnswer)) {
          return lastAnswer;
        }
      } catch (IOException e) {
        // Interrupted, out of time, a server given up on, or a certificate the client does not
        // trust: trying again changes nothing.
        if (Thread.currentThread().isInterrupted() || e instanceof SSLException || e instanceof NotAnsweringException
            || e instanceof DeadlinePassedException) {
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

  private HttpResult execute(Request request, boolean boundByDeadline) throws IOException {
    if (silences.get() >= SILENCES_BEFORE_GIVING_UP) {
      throw new NotAnsweringException("the server stopped answering: " + SILENCES_BEFORE_GIVING_UP
          + " requests in a row got no answer within " + Durations.format(readTimeout)
          + "; no more requests are sent in this run (raise --timeout if it is only slow)");
    }
    Duration timeout = callTimeout;
    if (boundByDeadline) {
      Optional<Duration> left = deadline.remaining();
      if (left.isPresent() && left.get().isZero()) {
        throw new DeadlinePassedException(NOT_STARTED + "the deadline of " + deadline.describe() + " for this run has passed");
      }
      if (left.isPresent() && left.get().compareTo(timeout) < 0) {
        timeout = left.get();
      }
    }
    Call call = client.newCall(request);
    call.timeout().timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    try (Response response = call.execute()) {
      String body = response.body().string();
      silences.set(0);
      return new HttpResult(response.code(), response.headers(), body);
    } catch (IOException e) {
      if (boundByDeadline && deadline.passed() && e instanceof InterruptedIOException) {
        throw new DeadlinePassedException("the deadline of " + deadline.describe()
            + " for this run passed while waiting for an answer");
      }
      if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
        silences.incrementAndGet();
      }
      throw e;
    }
  }

  /**
   * The policy's backoff, or the server's `Retry-After` (seconds or an HTTP date) up to the
   * policy's ceiling; empty when waiting would pass the deadline.
   */
  private Optional<Duration> waitBefore(int retryNumber, HttpResult answer, boolean boundByDeadline) {
    Duration wait = retry.delayBefore(retryNumber, () -> ThreadLocalRandom.current().nextDouble());
    if (answer != null) {
      Optional<Duration> asked = retryAfter(answer.headers().get("Retry-After"));
      if (asked.isPresent()) {
        wait = asked.get().compareTo(retry.maxRetryAfter()) <= 0 ? asked.get() : retry.maxRetryAfter();
      }
    }
    if (boundByDeadline) {
      Optional<Duration> left = deadline.remaining();
      if (left.isPresent() && left.get().compareTo(wait) <= 0) {
        return Optional.empty();
      }
    }
    return Optional.of(wait);
  }

  static Optional<Duration> retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration until = Duration.between(Instant.now(), at);
      return Optional.of(until.isNegative() ? Duration.ZERO : until);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
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
