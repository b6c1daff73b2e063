package io.flowascode.engine.target;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The end of a whole run against a target: no request starts after it, a request in flight is cut
 * when it passes, and retries stop waiting for it. Only reading a flow back after a lost answer
 * may outlive it, so that a write is never left unresolved for want of time.
 */
public final class Deadline {
  private final Optional<Instant> end;
  private final Duration length;
  private final Clock clock;

  private Deadline(Optional<Instant> end, Duration length, Clock clock) {
    this.end = end;
    this.length = length;
    this.clock = clock;
  }

  /** A deadline `length` from now. */
  public static Deadline after(Duration length, Clock clock) {
    return new Deadline(Optional.of(clock.instant().plus(length)), length, clock);
  }

  public static Deadline none() {
    return new Deadline(Optional.empty(), Duration.ZERO, Clock.systemUTC());
  }

  /** Time left; empty when there is no deadline. Never negative. */
  public Optional<Duration> remaining() {
    return end.map(e -> {
      Duration left = Duration.between(clock.instant(), e);
      return left.isNegative() ? Duration.ZERO : left;
    });
  }

  public boolean passed() {
    return remaining().map(Duration::isZero).orElse(false);
  }

  /** `10m`: how long the whole run was given, for messages. */
  String describe() {
    return Durations.format(length);
  }
}
