package io.flowascode.engine.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one task per item on at most N threads and returns the results in the items' order. */
final class Parallel {
  private Parallel() {}

  static <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> task) {
    if (items.isEmpty()) {
      return List.of();
    }
    int threads = Math.max(1, Math.min(parallelism, items.size()));
    if (threads == 1) {
      return items.stream().map(task).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "flow-remote");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> task.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while talking to the remote", e);
    } catch (ExecutionException e) {
      // Tasks catch their own failures into outcomes; anything else is a bug worth seeing.
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
