package io.flowascode.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Faults a test server injects into its next requests: error statuses, slow answers, and answers
 * lost after a write took effect. Thread-safe; each injected fault is used up by one request.
 */
public final class Faults {
  private record Failure(int status, BiPredicate<String, String> matches) {}

  private record Delay(Duration duration, BiPredicate<String, String> matches) {}

  private final Deque<Failure> failures = new ArrayDeque<>();
  private final Deque<Delay> delays = new ArrayDeque<>();
  private int dropsAfterWrite;
  private Duration everyRequestDelay = Duration.ZERO;

  /** The next `count` requests are answered with `status` without being processed. */
  public synchronized Faults failNext(int count, int status) {
    return failNextMatching(count, status, (method, path) -> true);
  }

  /** The next `count` requests with this method and path prefix are answered with `status`. */
  public synchronized Faults failNext(int count, int status, String method, String pathPrefix) {
    return failNextMatching(count, status, (m, p) -> m.equals(method) && p.startsWith(pathPrefix));
  }

  /** The next `count` requests for which `matches(method, path)` holds are answered with `status`. */
  public synchronized Faults failNextMatching(int count, int status, BiPredicate<String, String> matches) {
    for (int i = 0; i < count; i++) {
      failures.add(new Failure(status, matches));
    }
    return this;
  }

  /** The next `count` requests are answered only after `delay`. */
  public synchronized Faults delayNext(int count, Duration delay) {
    return delayNextMatching(count, delay, (method, path) -> true);
  }

  /** The next `count` requests for which `matches(method, path)` holds are answered only after `delay`. */
  public synchronized Faults delayNextMatching(int count, Duration delay, BiPredicate<String, String> matches) {
    for (int i = 0; i < count; i++) {
      delays.add(new Delay(delay, matches));
    }
    return this;
  }

  /** Every request is answered after `delay` until this is set back to zero. */
  public synchronized Faults delayEvery(Duration delay) {
    everyRequestDelay = delay;
    return this;
  }

  /**
   * The next `count` successful writes take effect but their connection is closed before any
   * answer is sent, as when a network drops a response.
   */
  public synchronized Faults dropResponseAfterNextWrites(int count) {
    dropsAfterWrite += count;
    return this;
  }

  /** Forgets every pending fault. */
  public synchronized void clear() {
    failures.clear();
    delays.clear();
    dropsAfterWrite = 0;
    everyRequestDelay = Duration.ZERO;
  }

  synchronized Optional<Integer> takeFailure(String method, String path) {
    for (var it = failures.iterator(); it.hasNext(); ) {
      Failure failure = it.next();
      if (failure.matches().test(method, path)) {
        it.remove();
        return Optional.of(failure.status());
      }
    }
    return Optional.empty();
  }

  synchronized Duration takeDelay(String method, String path) {
    for (var it = delays.iterator(); it.hasNext(); ) {
      Delay delay = it.next();
      if (delay.matches().test(method, path)) {
        it.remove();
        return delay.duration().plus(everyRequestDelay);
      }
    }
    return everyRequestDelay;
  }

  synchronized boolean takeDropAfterWrite() {
    if (dropsAfterWrite > 0) {
      dropsAfterWrite--;
      return true;
    }
    return false;
  }
}
