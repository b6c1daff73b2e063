package io.flowascode.compiler.config;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configs a stage can be given, its own and its services', gathered once per definition and file. */
public final class ConfigTargets {
  private final Catalog catalog;
  private final IdentityHashMap<StageDefinition, List<ConfigTarget>> targetsByDefinition = new IdentityHashMap<>();

  public ConfigTargets(Catalog catalog) {
    this.catalog = catalog;
  }

  public List<ConfigTarget> of(StageDefinition def) {
    // One list per definition, so the binder indexes each definition's targets once per file.
    return targetsByDefinition.computeIfAbsent(def, this::collectTargets);
  }

  private List<ConfigTarget> collectTargets(StageDefinition def) {
    List<ConfigTarget> targets = new ArrayList<>();
    for (ConfigDefinition c : def.configs()) {
      targets.add(new ConfigTarget(Optional.empty(), c));
    }
    for (ServiceUse use : def.services()) {
      catalog.service(use.service()).ifPresent(s -> {
        for (ConfigDefinition c : s.configs()) {
          targets.add(new ConfigTarget(Optional.of(use.service()), c));
        }
      });
    }
    return targets;
  }
}
