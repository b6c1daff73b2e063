package io.flowascode.engine.target;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How idempotent reads are retried: up to `maxAttempts` tries in all, waiting an exponentially
 * growing delay with jitter between them (half the delay fixed, half random) so that clients
 * failing together do not retry together.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(5));
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
