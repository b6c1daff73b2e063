package io.flowascode.engine.target;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Another process for the lock test: takes a local store's lock, says `locked`, and holds it
 * until its standard input closes.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    StoreLock lock = StoreLock.acquire(Path.of(args[0]), Duration.ofSeconds(10)).orElseThrow();
    try {
      System.out.println("locked");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    } finally {
      lock.close();
    }
  }
}
