package io.flowascode.imports;

import io.flowascode.compiler.config.ConfigTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key each config of one stage (its own and its services') or of the pipeline is written
 * under, looked up exactly as the compiler's binder looks keys up: by readable attribute name
 * first, then by raw name. A config gets its readable name when that names it alone; its raw name
 * when the readable one is shared (the binder would set every config sharing it) or when the
 * config is not in the published definition (the importer added it from the pipeline).
 */
final class ConfigNames {
  private final Map<String, List<ConfigTarget>> byAttribute = new LinkedHashMap<>();
  private final Map<String, ConfigTarget> byRaw = new LinkedHashMap<>();

  ConfigNames(List<ConfigTarget> targets) {
    for (ConfigTarget t : targets) {
      byAttribute.computeIfAbsent(t.definition().attributeName(), k -> new ArrayList<>()).add(t);
      byRaw.putIfAbsent(t.definition().name(), t);
    }
  }

  /** The key to write the target under, or empty when no key reaches it alone. */
  Optional<String> keyOf(ConfigTarget target) {
    String attribute = target.definition().attributeName();
    boolean readable = byAttribute.getOrDefault(attribute, List.of()).equals(List.of(target));
    boolean raw = !byAttribute.containsKey(target.definition().name()) && target.equals(byRaw.get(target.definition().name()));
    if (readable && (!InferredDefinitions.isAdded(target.definition()) || !raw)) {
      return Optional.of(attribute);
    }
    if (raw) {
      return Optional.of(target.definition().name());
    }
    return Optional.empty();
  }
}
