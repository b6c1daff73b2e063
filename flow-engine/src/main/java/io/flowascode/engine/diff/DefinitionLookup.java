package io.flowascode.engine.diff;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog as the diff needs it: definitions by reference and configs by raw name, each looked
 * up once (a large pipeline uses the same few definitions thousands of times, and the catalog's
 * own lookups scan lists).
 */
final class DefinitionLookup {
  private static final Catalog EMPTY = new Catalog(List.of(), List.of(), List.of());

  private final Catalog catalog;
  private final Map<String, Optional<StageDefinition>> stages = new HashMap<>();
  private final IdentityHashMap<Object, Map<String,ConfigDefinition>> configs = new IdentityHashMap<>();
  private final Map<String, Optional<ServiceDefinition>> services = new HashMap<>();
  private final Map<String, ConfigDefinition> pipelineConfigs;

  DefinitionLookup(Catalog catalog) {
    this.catalog = catalog == null ? EMPTY : catalog;
    this.pipelineConfigs = byName(this.catalog.pipelineConfigs());
  }

  /** The exact definition, else the closest one (same stage in another library or version). */
  Optional<StageDefinition> stage(StageRef ref) {
    if (ref == null || ref.stageName().isEmpty()) {
      return Optional.empty();
    }
    return stages.computeIfAbsent(ref.reference(), k -> {
      Optional<StageDefinition> exact = catalog.find(ref.library(), ref.stageName(), ref.version());
      return exact.isPresent() ? exact : catalog.findClosest(ref.library(), ref.stageName(), ref.version());
    });
  }

  /** The ref with the catalog label filled in when the catalog knows the stage. */
  StageRef labelled(StageRef ref) {
    if (ref == null) {
      return null;
    }
    return stage(ref).map(d -> ref.withLabel(d.label())).orElse(ref);
  }

  Map<String, ConfigDefinition> configs(Optional<StageDefinition> def) {
    return def.map(d -> configs.computeIfAbsent(d, k -> byName(d.configs()))).orElse(Map.of());
  }

  Optional<ServiceDefinition> service(String provides) {
    return services.computeIfAbsent(provides, catalog::service);
  }

  Map<String, ConfigDefinition> serviceConfigs(Optional<ServiceDefinition> def) {
    return def.map(d -> configs.computeIfAbsent(d, k -> byName(d.configs()))).orElse(Map.of());
  }

  /** The defaults a stage definition sets for one of its services (e.g. `dataFormat: JSON`). */
  static Optional<ServiceUse> serviceUse(Optional<StageDefinition> def, String service) {
    if (def.isEmpty()) {
      return Optional.empty();
    }
    for (ServiceUse use : def.get().services()) {
      if (use.service().equals(service)) {
        return Optional.of(use);
      }
    }
    return Optional.empty();
  }

  Map<String, ConfigDefinition> pipelineConfigs() {
    return pipelineConfigs;
  }

  private static Map<String, ConfigDefinition> byName(List<ConfigDefinition> defs) {
    Map<String, ConfigDefinition> out = new LinkedHashMap<>();
    for (ConfigDefinition d : defs) {
      out.putIfAbsent(d.name(), d);
    }
    return out;
  }
}
