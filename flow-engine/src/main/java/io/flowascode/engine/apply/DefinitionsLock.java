package io.flowascode.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
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
 */
public final class DefinitionsLock {
  private DefinitionsLock() {}

  /** The lock text for the target's current definitions. */
  public static String fetch(Target target) throws TargetException, DefinitionsException {
    JsonNode raw = target.definitions().orElseThrow(() -> new DefinitionsException(
        target.describe() + " does not publish stage definitions; take the lock from a Data Collector"));
    return CatalogFormat.write(PlatformDefinitionsReader.read(raw));
  }

  public static void write(Path file, String lock) throws IOException {
    try (AtomicOutputs out = new AtomicOutputs()) {
      out.stage(file, lock);
      out.commit();
    }
  }

  /**
   * A warning when the target's definitions differ from the lock (an engine upgrade or a new stage
   * library), or empty when they match or the target publishes none.
   */
  public static Optional<String> drift(Path lockFile, Target target) throws TargetException, IOException {
    if (!Files.isRegularFile(lockFile)) {
      return Optional.empty();
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
