package io.flowascode.compiler.verify;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something configurable as the engine sees it once it has filled in what is missing: a stage, one
 * of its services, or the pipeline. The entries are those written, in order, followed by each
 * defined config that was not written, at its definition's default; a name written twice reads as
 * its last entry, as the engine's lookup does.
 *
 * @param stage the stage, or null for the pipeline
 * @param service the stage's service these configs belong to, or null
 * @param definitions the definitions by name, in definition order
 */
record Component(
    @Nullable StageInstance stage,
    @Nullable String service,
    Map<String, ConfigDefinition> definitions,
    List<ConfigEntry> entries,
    Map<String, JsonNode> values) {

  static Component of(@Nullable StageInstance stage, @Nullable String service, List<ConfigDefinition> definitions,
      List<ConfigEntry> written) {
    Map<String, ConfigDefinition> byName = new LinkedHashMap<>();
    definitions.forEach(d -> byName.putIfAbsent(d.name(), d));
    List<ConfigEntry> entries = new ArrayList<>(written);
    Map<String, JsonNode> values = new HashMap<>();
    for (ConfigEntry e : written) {
      values.put(e.name(), e.value() == null ? NullNode.getInstance() : e.value());
    }
    for (ConfigDefinition d : byName.values()) {
      if (!values.containsKey(d.name())) {
        JsonNode dflt = d.defaultValue() == null ? NullNode.getInstance() : d.defaultValue();
        entries.add(new ConfigEntry(d.name(), dflt));
        values.put(d.name(), dflt);
      }
    }
    return new Component(stage, service, byName, List.copyOf(entries), Map.copyOf(values));
  }

  /** The value the engine reads for a config (JSON null when written as null); empty when it has none. */
  Optional<JsonNode> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The value as the engine prints it when it compares it with a dependency's trigger values. */
  Optional<JsonNode> triggerValue(String name) {
    String stageName = stage == null ? "" : stage.stageName();
    return value(name).map(v -> TriggerTexts.asEngineSees(stageName, name, v));
  }

  /** The first entry of this name in the list, which is what some of the engine's checks look at. */
  Optional<JsonNode> firstValue(String name) {
    String stageName = stage == null ? "" : stage.stageName();
    for (ConfigEntry e : entries) {
      if (e.name().equals(name)) {
        return Optional.of(TriggerTexts.asEngineSees(stageName, name, e.value() == null ? NullNode.getInstance() : e.value()));
      }
    }
    return Optional.empty();
  }

  /**
   * This component with its service named by the class implementing it, as the engine names it in
   * the issues of creating the service.
   */
  Component named(String serviceClass) {
    return serviceClass == null || serviceClass.isEmpty() ? this
        : new Component(stage, serviceClass, definitions, entries, values);
  }

  boolean isPipeline() {
    return stage == null;
  }
}
