package io.flowascode.engine.target;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How calls that are safe to repeat are retried: up to `maxAttempts` tries in all, waiting an
 * exponentially growing delay with jitter between them (half the delay fixed, half random) so that
 * clients failing together do not retry together. A server's `Retry-After` is honoured up to
 * `maxRetryAfter`.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** A policy that honours `Retry-After` only up to its own longest delay. */
  public RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    this(maxAttempts, initialDelay, maxDelay, maxDelay);
  }

  /** Four attempts 0.25 s to 5 s apart; a `Retry-After` of up to a minute (IBM's own SDK's ceiling) is honoured. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(60));
  }

  /** No retry at all. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /** The wait before retry number `retry` (1 for the first retry); `random` yields values in [0, 1). */
  public Duration delayBefore(int retry, DoubleSupplier random) {
    long base = initialDelay.toMillis();
    long ceiling = maxDelay.toMillis();
    long exponential = base;
    for (int i = 1; i < retry && exponential < ceiling; i++) {
      exponential *= 2;
    }
    long capped = Math.min(exponential, ceiling);
    long half = capped / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
  }
}
