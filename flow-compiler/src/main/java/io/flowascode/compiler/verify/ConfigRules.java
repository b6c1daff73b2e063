package io.flowascode.compiler.verify;

import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every configuration a stage or its services carry is one its definition declares (configs may
 * be left out: the platform fills in defaults), and a stage configures exactly the services its
 * definition uses.
 */
final class ConfigRules implements PipelineRule {
  /**
   * The framework's own configs. A definition that hides them (Trash, Discard) leaves them out of
   * its config definitions, and the platform then ignores them rather than reject them.
   */
  private static final Set<String> SYSTEM_CONFIGS =
      Set.of("stageOnRecordError", "stageRequiredFields", "stageRecordPreconditions");

  @Override
  public void check(Verification v) {
    for (StageInstance s : v.pipeline().allStages()) {
      v.definition(s).ifPresent(def -> check(v, s, def));
    }
  }

  private static void check(Verification v, StageInstance s, StageDefinition def) {
    String name = s.displayName();
    Set<String> declared = names(def.configs());
    unknown(v, s, s.configuration(), declared, name + " (" + def.label() + ")", true);
    duplicates(v, s, s.configuration(), name);

    Set<String> expected = def.services().stream().map(ServiceUse::service).collect(Collectors.toCollection(TreeSet::new));
    Set<String> configured = s.services().stream().map(ServiceInstance::service).collect(Collectors.toCollection(TreeSet::new));
    if (!expected.equals(configured)) {
      v.report("VALIDATION_0200", s, name + " configures the services [" + String.join(", ", configured)
          + "], but " + def.label() + " uses [" + String.join(", ", expected) + "]");
      return;
    }
    for (ServiceInstance service : s.services()) {
      Optional<ServiceDefinition> serviceDef = v.catalog().service(service.service());
      String owner = name + "'s service " + simpleName(service.service());
      if (serviceDef.isEmpty()) {
        v.note(s, owner + " is not in the catalog; its configs were not checked");
      } else if (service.version() != serviceDef.get().version()) {
        v.note(s, owner + " is at version " + service.version() + ", which the catalog does not hold (it knows "
            + serviceDef.get().version() + "); its configs were not checked");
      } else {
        unknown(v, s, service.configuration(), names(serviceDef.get().configs()), owner, false);
      }
      duplicates(v, s, service.configuration(), owner);
    }
  }

  private static void unknown(Verification v, StageInstance s, List<ConfigEntry> entries, Set<String> declared,
      String owner, boolean allowSystem) {
    List<String> unknown = entries.stream()
        .map(ConfigEntry::name)
        .filter(n -> !declared.contains(n) && !(allowSystem && SYSTEM_CONFIGS.contains(n)))
        .distinct()
        .toList();
    if (!unknown.isEmpty()) {
      v.report("VALIDATION_0008", s, owner + " has configs its definition does not declare: " + String.join(", ", unknown));
    }
  }

  private static void duplicates(Verification v, StageInstance s, List<ConfigEntry> entries, String owner) {
    Set<String> seen = new HashSet<>();
    Set<String> twice = new TreeSet<>();
    for (ConfigEntry c : entries) {
      if (!seen.add(c.name())) {
        twice.add(c.name());
      }
    }
    if (!twice.isEmpty()) {
      v.report(null, s, owner + " sets these configs more than once (the platform reads the first): "
          + String.join(", ", twice));
    }
  }

  private static Set<String> names(List<ConfigDefinition> configs) {
    return configs.stream().map(ConfigDefinition::name).collect(Collectors.toSet());
  }

  private static String simpleName(String service) {
    return service.substring(service.lastIndexOf('.') + 1);
  }
}
