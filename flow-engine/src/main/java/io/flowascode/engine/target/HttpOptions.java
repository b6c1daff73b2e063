package io.flowascode.engine.target;

import java.time.Duration;
import java.util.Optional;

/**
 * Timeouts, retries and trust for the HTTP targets. Every call has a bound: connecting, each read
 * and write on the socket, and the whole call including retries of a single attempt.
 */
public record HttpOptions(
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Duration callTimeout,
    RetryPolicy retry,
    Optional<TrustStore> trustStore) {

  public HttpOptions {
    trustStore = trustStore == null ? Optional.empty() : trustStore;
  }

  public static HttpOptions defaults() {
    return new HttpOptions(
        Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(120),
        RetryPolicy.defaults(), Optional.empty());
  }

  public HttpOptions withTimeouts(Duration connect, Duration read, Duration write, Duration call) {
    return new HttpOptions(connect, read, write, call, retry, trustStore);
  }

  public HttpOptions withRetry(RetryPolicy value) {
    return new HttpOptions(connectTimeout, readTimeout, writeTimeout, callTimeout, value, trustStore);
  }

  public HttpOptions withTrustStore(TrustStore value) {
    return new HttpOptions(connectTimeout, readTimeout, writeTimeout, callTimeout, retry, Optional.of(value));
  }
}
