package io.flowascode.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.engine.diff.DiffView.ServiceView;
import io.flowascode.engine.diff.DiffView.StageView;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a stage is, without its name, label or place in the graph: definition, the configs that
 * differ from their defaults, conditions and services. Two stages with equal fingerprints are
 * configured the same, which is the first condition for calling a removed-and-added pair a rename.
 */
final class StageFingerprint {
  private StageFingerprint() {}

  static String of(StageView s, DefinitionLookup defs) {
    Optional<StageDefinition> def = defs.stage(s.ref());
    StringBuilder out = new StringBuilder(s.ref().reference()).append('\n');
    appendNonDefault(s.configs(), defs.configs(def), Map.of(), out);
    if (s.isSelector()) {
      out.append("predicates=");
      for (String p : s.predicates()) {
        out.append(JsonValues.quote(p)).append(',');
      }
      out.append('\n');
    }
    for (ServiceView svc : s.services().values()) {
      Optional<ServiceDefinition> sdef = defs.service(svc.service());
      Map<String, JsonNode> presets = DefinitionLookup.serviceUse(def, svc.service())
          .map(ServiceUse::configuration).orElse(Map.of());
      out.append("service ").append(svc.service()).append(' ').append(svc.version()).append('\n');
      appendNonDefault(svc.configs(), defs.serviceConfigs(sdef), presets, out);
    }
    return out.toString();
  }

  private static void appendNonDefault(
      Map<String, JsonNode> values,
      Map<String, ConfigDefinition> definitions,
      Map<String, JsonNode> presets,
      StringBuilder out) {
    Map<String, String> kept = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : values.entrySet()) {
      JsonNode preset = presets.get(e.getKey());
      ConfigDefinition d = definitions.get(e.getKey());
      JsonNode dflt = preset != null ? preset : d == null ? null : d.defaultValue();
      boolean isDefault = (preset != null || d != null)
          ? JsonValues.equivalent(e.getValue(), dflt)
          : JsonValues.isEmpty(e.getValue());
      if (!isDefault) {
        kept.put(e.getKey(), JsonValues.canonical(e.getValue()));
      }
    }
    kept.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
  }
}
