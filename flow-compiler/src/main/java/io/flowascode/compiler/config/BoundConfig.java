package io.flowascode.compiler.config;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.model.ConfigEntry;
import java.util.Map;
import java.util.Optional;

/**
 * The values a user set, keyed by {@link ConfigTarget#key()}; everything else takes its default
 * when emitted.
 *
 * @param unknown configs the definition does not have, by the name written, kept only when the
 *     compiler emits what it refused ({@code CompilerOptions.emitRejected})
 * @param written the entry of the file that set each value, by the same key, so that a problem
 *     found in the emitted pipeline can be shown where it was written
 */
public record BoundConfig(Map<String, JsonNode> values, Map<String, JsonNode> unknown, Map<String, ConfigEntry> written) {
  public BoundConfig {
    values = Map.copyOf(values);
    unknown = Map.copyOf(unknown);
    written = Map.copyOf(written);
  }

  public BoundConfig(Map<String, JsonNode> values) {
    this(values, Map.of(), Map.of());
  }

  public static BoundConfig empty() {
    return new BoundConfig(Map.of(), Map.of(), Map.of());
  }

  /** The entry that set a config of the stage itself (no service), by its raw name. */
  public Optional<ConfigEntry> entry(@Nullable String service, String rawName) {
    return Optional.ofNullable(written.get((service == null ? "" : service + "#") + rawName));
  }
}
