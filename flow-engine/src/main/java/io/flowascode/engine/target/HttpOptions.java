package io.flowascode.engine.target;

import java.time.Duration;
import java.util.Optional;

/**
 * Timeouts, retries, a deadline and trust for the HTTP targets. Every call has a bound: connecting,
 * each read and write on the socket, the whole of one attempt, and (with a deadline) the whole run.
 *
 * @param deadline how long a whole run against the target may take, from when the target is opened
 */
public record HttpOptions(
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Duration callTimeout,
    RetryPolicy retry,
    Optional<TrustStore> trustStore,
    Optional<Duration> deadline) {

  /** What `--timeout` defaults to: a server silent for this long is taken as not answering. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** What `--deadline` defaults to: the longest a whole plan or apply may take. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

  public HttpOptions {
    trustStore = trustStore == null ? Optional.empty() : trustStore;
    deadline = deadline == null ? Optional.empty() : deadline;
  }

  public HttpOptions(Duration connectTimeout, Duration readTimeout, Duration writeTimeout, Duration callTimeout,
      RetryPolicy retry, Optional<TrustStore> trustStore) {
    this(connectTimeout, readTimeout, writeTimeout, callTimeout, retry, trustStore, Optional.empty());
  }

  /** The defaults: {@link #timeout(Duration)} of 10 s, the default retries, the default deadline. */
  public static HttpOptions defaults() {
    return new HttpOptions(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, RetryPolicy.defaults(),
        Optional.empty(), Optional.of(DEFAULT_DEADLINE)).timeout(DEFAULT_TIMEOUT);
  }

  /**
   * One timeout as a user gives it: connecting, and waiting for each part of the answer, may take
   * this long; one attempt as a whole six times as long (a large answer that keeps arriving is fine).
   */
  public HttpOptions timeout(Duration value) {
    return withTimeouts(value, value, value, value.multipliedBy(6));
  }

  public HttpOptions withTimeouts(Duration connect, Duration read, Duration write, Duration call) {
    return new HttpOptions(connect, read, write, call, retry, trustStore, deadline);
  }

  public HttpOptions withRetry(RetryPolicy value) {
    return new HttpOptions(connectTimeout, readTimeout, writeTimeout, callTimeout, value, trustStore, deadline);
  }

  public HttpOptions withTrustStore(TrustStore value) {
    return new HttpOptions(connectTimeout, readTimeout, writeTimeout, callTimeout, retry, Optional.of(value), deadline);
  }

  /** Bounds the whole run; empty for no bound beyond the per-call timeouts. */
  public HttpOptions withDeadline(Optional<Duration> value) {
    return new HttpOptions(connectTimeout, readTimeout, writeTimeout, callTimeout, retry, trustStore, value);
  }
}
