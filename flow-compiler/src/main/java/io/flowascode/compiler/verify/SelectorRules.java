package io.flowascode.compiler.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Stream Selector's predicates (the config named by {@code outputStreamsDrivenByConfig}) against
 * its output lanes, checked as the platform's framework and the selector itself check them: each
 * entry a map with a non-empty string {@code outputLane} and {@code predicate}; as many entries as
 * output lanes; each naming one of them; {@code default} last; every other one written
 * {@code ${...}}. Messages name predicates by position, never by their expression.
 */
final class SelectorRules implements PipelineRule {
  static final String DEFAULT = "default";

  @Override
  public void check(Verification v) {
    for (StageInstance s : v.pipeline().stages()) {
      v.definition(s).flatMap(SelectorRules::predicateConfig).ifPresent(config -> check(v, s, config));
    }
  }

  /** The config driving the outputs, when it holds predicates (HTTP Router's routes do not). */
  static Optional<String> predicateConfig(StageDefinition def) {
    String driver = def.outputStreamsDrivenByConfig();
    if (driver.isEmpty()) {
      return Optional.empty();
    }
    Optional<ConfigDefinition> config = def.config(driver);
    boolean predicate = config.map(ConfigDefinition::isPredicate).orElse(false);
    return predicate || driver.equals("lanePredicates") ? Optional.of(driver) : Optional.empty();
  }

  private static void check(Verification v, StageInstance s, String config) {
    String name = s.displayName();
    JsonNode value = s.config(config).orElse(null);
    if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
      v.reportOnStart("SELECTOR_00", s, name + " has no predicates in `" + config + "`; it needs at least the `default` one");
      return;
    }
    if (!value.isArray()) {
      return; // the engine refuses it on save (VALIDATION_0009)
    }
    List<String> lanes = new ArrayList<>();
    List<String> predicates = new ArrayList<>();
    boolean wellFormed = true;
    for (int i = 0; i < value.size(); i++) {
      JsonNode entry = value.get(i);
      if (!entry.isObject()) {
        wellFormed = false; // the engine refuses it on save (VALIDATION_0019)
        continue;
      }
      Optional<String> lane = entryText(entry, "outputLane");
      Optional<String> predicate = entryText(entry, "predicate");
      wellFormed &= lane.isPresent() && predicate.isPresent();
      lanes.add(lane.orElse(""));
      predicates.add(predicate.orElse(""));
    }
    if (!wellFormed) {
      return;
    }
    if (predicates.size() != s.outputLanes().size()) {
      v.reportOnStart("SELECTOR_01", s, name + " has " + predicates.size() + " predicates but "
          + s.outputLanes().size() + " output lanes; they must match one to one");
      return;
    }
    boolean allFound = true;
    for (int i = 0; i < lanes.size(); i++) {
      String lane = lanes.get(i);
      // The platform matches by suffix, because fragments prefix lane names.
      if (s.outputLanes().stream().noneMatch(l -> l.endsWith(lane))) {
        v.reportOnStart("SELECTOR_02", s, name + "'s predicate " + (i + 1) + " sends records to `" + lane
            + "`, which is not one of its output lanes");
        allFound = false;
      }
    }
    if (!predicates.get(predicates.size() - 1).equals(DEFAULT)) {
      v.reportOnStart("SELECTOR_07", s, name + "'s last predicate must be `default`");
      return;
    }
    for (int i = 0; i < predicates.size() - 1; i++) {
      String p = predicates.get(i);
      if (!p.startsWith("${") || !p.endsWith("}")) {
        v.reportOnStart("SELECTOR_08", s, name + "'s predicate " + (i + 1) + " is not written as ${...}");
      }
    }
    if (allFound) {
      order(v, s, lanes);
    }
  }

  /** Not platform rules, but what the UI and SDKs keep: every lane has a predicate, in the same order. */
  private static void order(Verification v, StageInstance s, List<String> lanes) {
    Set<String> covered = new HashSet<>();
    for (String lane : lanes) {
      s.outputLanes().stream().filter(l -> l.endsWith(lane)).findFirst().ifPresent(covered::add);
    }
    List<String> uncovered = s.outputLanes().stream().filter(l -> !covered.contains(l)).toList();
    if (!uncovered.isEmpty()) {
      v.extra(s, s.displayName() + " has output lanes no predicate sends records to: " + String.join(", ", uncovered));
    } else if (!lanes.equals(s.outputLanes())) {
      v.note(s, s.displayName() + " lists its predicates in a different order than its output lanes; "
          + "the platform accepts it, but the UI and SDKs keep them in the same order");
    }
  }

  /** The field as text; the engine refuses a missing, null, non-text or empty one on save (VALIDATION_0020 to 0023). */
  private static Optional<String> entryText(JsonNode entry, String field) {
    JsonNode node = entry.get(field);
    return node != null && node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
  }
}
