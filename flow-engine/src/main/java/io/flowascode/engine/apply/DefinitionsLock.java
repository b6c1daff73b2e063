package io.flowascode.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowascode.compiler.batch.AtomicOutputs;
import io.flowascode.compiler.catalog.CatalogFormat;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.compiler.catalog.PlatformDefinitionsReader;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The engine's stage definitions, taken from a target and kept in the project as a lock file in
 * our catalog format: what validation uses offline, and what plan compares the engine against.
 *
 * <p>A lock taken from a target that names its definitions by version (a watsonx engine version)
 * records that version as `"engineVersion"` after `formatVersion` (the catalog reader ignores it),
 * so plan compares versions instead of downloading every definition again, and a watsonx project
 * without a lock gets one on its first plan: the lock is the cache of that version's definitions.
 */
public final class DefinitionsLock {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String VERSION_FIELD = "engineVersion";
  private static final String AFTER = "\"formatVersion\": " + CatalogFormat.FORMAT_VERSION + ",\n";

  private DefinitionsLock() {}

  /** The lock text for the target's current definitions. */
  public static String fetch(Target target) throws TargetException, DefinitionsException {
    JsonNode raw = target.definitions().orElseThrow(() -> new DefinitionsException(
        target.describe() + " does not publish stage definitions; take the lock from a Data Collector or watsonx"));
    String lock = CatalogFormat.write(PlatformDefinitionsReader.read(raw));
    Optional<String> version = target.definitionsVersion();
    if (version.isPresent()) {
      int at = lock.indexOf(AFTER);
      if (at < 0) {
        throw new IllegalStateException("the catalog format no longer starts with its formatVersion");
      }
      int end = at + AFTER.length();
      lock = lock.substring(0, end) + "  \"" + VERSION_FIELD + "\": " + JSON.valueToTree(version.get()) + ",\n"
          + lock.substring(end);
    }
    return lock;
  }

  public static void write(Path file, String lock) throws IOException {
    try (AtomicOutputs out = new AtomicOutputs()) {
      out.stage(file, lock);
      out.commit();
    }
  }

  /**
   * Takes the lock from the target when the target names its definitions by version and there is
   * no lock yet; the message to show when it did.
   */
  public static Optional<String> ensure(Path lockFile, Target target)
      throws TargetException, DefinitionsException, IOException {
    if (Files.exists(lockFile)) {
      return Optional.empty();
    }
    Optional<String> version = target.definitionsVersion();
    if (version.isEmpty()) {
      return Optional.empty();
    }
    write(lockFile, fetch(target));
    return Optional.of("Wrote " + lockFile + ": the stage definitions of engine version " + version.get() + " of "
        + target.describe() + "; commit it, so validation is pinned to that version and works offline");
  }

  /** The engine version a lock was taken from, when it records one. */
  public static Optional<String> engineVersion(Path lockFile) throws IOException {
    if (!Files.isRegularFile(lockFile)) {
      return Optional.empty();
    }
    JsonNode version = JSON.readTree(lockFile.toFile()).path(VERSION_FIELD);
    return version.isTextual() ? Optional.of(version.asText()) : Optional.empty();
  }

  /**
   * A warning when the target's definitions differ from the lock (an engine upgrade or a new stage
   * library, or another engine version), or empty when they match or the target publishes none.
   */
  public static Optional<String> drift(Path lockFile, Target target) throws TargetException, IOException {
    if (!Files.isRegularFile(lockFile)) {
      return Optional.empty();
    }
    Optional<String> version = target.definitionsVersion();
    if (version.isPresent()) {
      Optional<String> locked = engineVersion(lockFile);
      if (locked.equals(version)) {
        return Optional.empty();
      }
      return Optional.of(lockFile.getFileName() + " holds " + locked.map(v -> "the definitions of engine version " + v)
          .orElse("definitions not taken from an engine version") + ", but " + target.describe()
          + " binds flows to engine version " + version.get() + "; refresh it with `flow definitions`");
    }
    Optional<JsonNode> raw = target.definitions();
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String remote;
    try {
      remote = CatalogFormat.write(PlatformDefinitionsReader.read(raw.get()));
    } catch (DefinitionsException e) {
      return Optional.of("cannot read the stage definitions of " + target.describe() + ": " + e.getMessage());
    }
    String locked = Files.readString(lockFile, StandardCharsets.UTF_8);
    if (remote.equals(locked)) {
      return Optional.empty();
    }
    return Optional.of("the stage definitions of " + target.describe() + " no longer match " + lockFile.getFileName()
        + " (the engine was upgraded or its stage libraries changed); review and refresh it with `flow definitions`");
  }
}
