package io.flowascode.compiler.verify;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.el.Expressions;
import io.flowascode.compiler.el.ImplicitEvaluation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The engine's checks of the configs of every stage, service and of the pipeline, on save
 * (Data Collector's {@code ValidationUtil.validateComponentConfigs} and the pipeline's own):
 * a required config that is active has a value (VALIDATION_0007), an active number is a number
 * within its bounds (0009, 0034, 0035), every config is one the definition has (0008), model
 * values have their shape (0009, field paths 0033, predicates 0019 to 0023, preconditions 0080
 * and 0081), and a stage configures exactly the services its definition uses (0200).
 */
final class ConfigRules implements PipelineRule {
  /**
   * The framework's own configs. A definition that hides them (Trash, Discard) leaves them out of
   * its config definitions, and the engine then ignores them rather than reject them.
   */
  private static final Set<String> SYSTEM_CONFIGS =
      Set.of("stageOnRecordError", "stageRequiredFields", "stageRecordPreconditions");
  private static final String PRECONDITIONS = "stageRecordPreconditions";
  private static final String BAD_RECORDS = "BAD_RECORDS";

  @Override
  public void check(Verification v) {
    pipeline(v);
    for (StageInstance s : v.pipeline().allStages()) {
      if ((s.role() == StageRole.START_EVENT && s.position() > 0) || (s.role() == StageRole.STOP_EVENT && s.position() > 0)) {
        continue; // the engine stops at a second lifecycle stage (VALIDATION_0105)
      }
      v.publishedDefinition(s).ifPresent(def -> stage(v, s, def));
    }
  }

  /** The pipeline's settings: required and numbers only; the engine ignores settings it does not know. */
  private static void pipeline(Verification v) {
    Component c = v.pipelineComponent();
    for (ConfigDefinition def : c.definitions().values()) {
      JsonNode value = c.value(def.name()).orElse(null);
      if (!BAD_RECORDS.equals(def.group()) && def.required() && failsEmptinessCheck(v, c, def, value)) {
        continue;
      }
      if (!BAD_RECORDS.equals(def.group()) && def.required() && EngineValues.isNullOrEmpty(def, value)) {
        required(v, c, def);
      }
      if (def.type() == ConfigType.NUMBER && value != null && !EngineValues.isNullOrEmpty(def, value)) {
        number(v, c, def, value);
      }
    }
  }

  private static void stage(Verification v, StageInstance s, StageDefinition def) {
    Component c = v.component(s);
    components(v, c);
    Set<String> expected = def.services().stream().map(ServiceUse::service).collect(Collectors.toCollection(TreeSet::new));
    Set<String> configured = s.services().stream().map(ServiceInstance::service).collect(Collectors.toCollection(TreeSet::new));
    if (!expected.equals(configured)) {
      v.report(new PipelineIssue("VALIDATION_0200", s.issueName(), null, null, s.displayName() + " configures the services ["
          + String.join(", ", configured) + "], but " + def.label() + " uses [" + String.join(", ", expected) + "]",
          IssuePhase.SAVE));
      return;
    }
    for (ServiceInstance service : s.services()) {
      Optional<ServiceDefinition> serviceDef = v.catalog().service(service.service());
      String owner = s.displayName() + "'s service " + simpleName(service.service());
      if (serviceDef.isEmpty()) {
        v.note(s, owner + " is not in the catalog; its configs were not checked");
      } else if (service.version() != serviceDef.get().version()) {
        v.note(s, owner + " is at version " + service.version() + ", which the catalog does not hold (it knows "
            + serviceDef.get().version() + "); its configs were not checked");
      } else {
        components(v, v.component(s, service));
      }
    }
  }

  /** {@code validateComponentConfigs}: every definition, then every entry. */
  private static void components(Verification v, Component c) {
    for (ConfigDefinition def : c.definitions().values()) {
      JsonNode value = c.value(def.name()).orElse(null);
      if (def.required() && failsEmptinessCheck(v, c, def, value)) {
        continue;
      }
      if (def.required() && EngineValues.isNullOrEmpty(def, value)) {
        required(v, c, def);
      }
      if (def.type() == ConfigType.NUMBER && value != null && !EngineValues.isNullOrEmpty(def, value)) {
        number(v, c, def, value);
      }
    }
    boolean preconditions = c.service() == null && c.definitions().containsKey(PRECONDITIONS);
    for (ConfigEntry entry : c.entries()) {
      ConfigDefinition def = c.definitions().get(entry.name());
      if (def == null) {
        if (!(c.service() == null && SYSTEM_CONFIGS.contains(entry.name()))) {
          report(v, c, null, "VALIDATION_0008", "`" + entry.name() + "` is not a configuration of this "
              + (c.service() == null ? "stage" : "service"));
        }
        continue;
      }
      if (entry.value() != null && !entry.value().isNull() && def.model().isPresent()
          && dependenciesHold(def, c, Map.of())) {
        model(v, c, def, def.name(), entry.value());
      }
      if (preconditions && entry.name().equals(PRECONDITIONS)) {
        preconditions(v, c, def, entry.value());
      }
    }
  }

  /**
   * The engine's emptiness check casts the value to the config's type: text for a string, a list
   * for a list, a collection or map for a map. Another value makes it fail, and the save with it.
   */
  private static boolean failsEmptinessCheck(Verification v, Component c, ConfigDefinition def, @Nullable JsonNode value) {
    if (value == null || value.isNull()) {
      return false;
    }
    boolean fails = switch (def.type()) {
      case STRING -> !value.isTextual();
      case LIST -> !value.isArray();
      case MAP -> !value.isArray() && !value.isObject();
      default -> false;
    };
    if (fails) {
      crash(v, c, def.name(), "`" + def.name() + "` must be " + (def.type() == ConfigType.STRING ? "text" : "a list"));
    }
    return fails;
  }

  /** The engine fails with an exception while checking, answers 500 (CONTAINER_0000) and keeps nothing. */
  private static void crash(Verification v, Component c, String configName, String message) {
    String owner = c.stage() == null ? "the pipeline" : c.stage().displayName();
    // The engine's answer names no stage or config; this issue does, to say where the value is.
    v.report(new PipelineIssue("CONTAINER_0000", c.stage() == null ? null : c.stage().issueName(), c.service(), configName,
        owner + ": " + message + "; the engine fails on this value and saves nothing", IssuePhase.SAVE));
  }

  /** VALIDATION_0007, unless the config depends on others that do not switch it on. */
  private static void required(Verification v, Component c, ConfigDefinition def) {
    if (def.dependsOn().isEmpty() || ConfigActivation.isActive(def, c::triggerValue)) {
      report(v, c, def.name(), "VALIDATION_0007", "`" + def.name() + "` is required");
    }
  }

  private static void number(Verification v, Component c, ConfigDefinition def, JsonNode value) {
    if (EngineValues.isWholeExpression(value)) {
      return;
    }
    if (!ConfigActivation.isActive(def, c::triggerValue)) {
      if (ConfigActivation.isActive(def, c::value)) {
        // Active as the UI and the stage see it, but not by the engine's save check (TriggerTexts):
        // the stage refuses a bad number when it starts.
        startOnly(v, c, def, value);
      }
      return;
    }
    if (!value.isNumber()) {
      report(v, c, def.name(), "VALIDATION_0009", "`" + def.name() + "` must be a number");
      return;
    }
    double d = value.asDouble();
    if (def.max().isPresent() && d > def.max().get()) {
      report(v, c, def.name(), "VALIDATION_0034", "`" + def.name() + "` must be at most " + def.max().get());
    }
    if (def.min().isPresent() && d < def.min().get()) {
      report(v, c, def.name(), "VALIDATION_0035", "`" + def.name() + "` must be at least " + def.min().get());
    }
  }

  private static void startOnly(Verification v, Component c, ConfigDefinition def, JsonNode value) {
    // Recorded against the engine: a number below its minimum makes the stage fail to start
    // (Windowing Aggregator: "windows to keep must be greater than zero"); one above its maximum
    // does not, as the stage does not read it against the bound.
    if (value.isNumber() && def.min().isPresent() && value.asDouble() < def.min().get()) {
      v.report(new PipelineIssue("CONTAINER_0701", c.stage() == null ? null : c.stage().issueName(), c.service(),
          def.name(), (c.stage() == null ? "the pipeline" : c.stage().displayName()) + ": `" + def.name()
          + "` must be at least " + def.min().get() + "; the stage fails to start", IssuePhase.START));
    }
  }

  /**
   * The engine checks a model value only when the configs it depends on, where present and not
   * null, hold a triggering value (the first entry of that name in the list; inside a list of
   * beans, a field of the same entry).
   */
  private static boolean dependenciesHold(ConfigDefinition def, Component c, Map<String, JsonNode> entry) {
    for (Map.Entry<String, List<JsonNode>> dependency : def.dependsOn().entrySet()) {
      if (dependency.getValue().isEmpty()) {
        continue;
      }
      Optional<JsonNode> on = c.firstValue(dependency.getKey());
      if (on.isEmpty() && entry.containsKey(dependency.getKey())) {
        on = Optional.ofNullable(entry.get(dependency.getKey()));
      }
      if (on.isPresent() && !on.get().isNull() && !ConfigActivation.triggers(dependency.getValue(), on.get())) {
        return false;
      }
    }
    return true;
  }

  private static void model(Verification v, Component c, ConfigDefinition def, String configName, JsonNode value) {
    ConfigModel m = def.model().orElseThrow();
    if (m.isValueChooser()) {
      if (!value.isTextual()) {
        report(v, c, configName, "VALIDATION_0009", "`" + configName + "` must be one of its values, as text");
      }
    } else if (m.isFieldSelector()) {
      if (!value.isTextual()) {
        report(v, c, configName, "VALIDATION_0009", "`" + configName + "` must be a field path");
      } else {
        path(v, c, configName, value.textValue());
      }
    } else if (m.isMultiFieldSelector()) {
      if (!value.isArray()) {
        report(v, c, configName, "VALIDATION_0009", "`" + configName + "` must be a list of field paths");
      } else {
        for (JsonNode p : value) {
          if (!p.isTextual() && !p.isNull()) {
            crash(v, c, configName, "`" + configName + "` must be a list of field paths (text)");
            break;
          }
          if (p.isTextual() && !path(v, c, configName, p.textValue())) {
            break;
          }
        }
      }
    } else if (m.isListBean()) {
      if (value.isArray()) {
        for (JsonNode e : value) {
          if (!e.isObject() && !e.isNull()) {
            crash(v, c, configName, "the entries of `" + configName + "` must be maps of their fields");
            break;
          }
          bean(v, c, m, e);
        }
      } else if (value.isObject()) {
        bean(v, c, m, value);
      }
    } else if (m.isPredicate()) {
      predicates(v, c, configName, value);
    }
  }

  /** One entry of a list of beans: its fields are known, and their models well formed. */
  private static void bean(Verification v, Component c, ConfigModel m, JsonNode entry) {
    if (!entry.isObject()) {
      return;
    }
    Map<String, ConfigDefinition> fields = new HashMap<>();
    m.beanConfigs().forEach(f -> fields.putIfAbsent(f.name(), f));
    Map<String, JsonNode> values = new HashMap<>();
    entry.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
    for (Map.Entry<String, JsonNode> field : entry.properties()) {
      ConfigDefinition def = fields.get(field.getKey());
      if (def == null) {
        report(v, c, null, "VALIDATION_0008", "`" + field.getKey() + "` is not a field of the entries of this list");
        continue;
      }
      if (!field.getValue().isNull() && def.model().isPresent() && dependenciesHold(def, c, values)) {
        model(v, c, def, def.name(), field.getValue());
      }
    }
  }

  /** False when the path could not be read (the engine stops at the first such path of a list). */
  private static boolean path(Verification v, Component c, String configName, String path) {
    Optional<String> problem = FieldPaths.problem(path);
    problem.ifPresent(p -> report(v, c, configName, "VALIDATION_0033", "`" + configName + "` holds a field path the engine cannot read: " + p));
    return problem.isEmpty();
  }

  private static void predicates(Verification v, Component c, String configName, JsonNode value) {
    if (!value.isArray()) {
      report(v, c, configName, "VALIDATION_0009", "`" + configName + "` must be a list of conditions");
      return;
    }
    int count = 1;
    for (JsonNode element : value) {
      if (!element.isObject()) {
        report(v, c, configName, "VALIDATION_0019", "condition " + count + " of `" + configName + "` is not a map");
      } else {
        predicateField(v, c, configName, element, "outputLane", count);
        predicateField(v, c, configName, element, "predicate", count);
      }
      count++;
    }
  }

  private static void predicateField(Verification v, Component c, String configName, JsonNode element, String field, int count) {
    JsonNode f = element.get(field);
    String what = "condition " + count + " of `" + configName + "`";
    if (f == null) {
      report(v, c, configName, "VALIDATION_0020", what + " has no `" + field + "`");
    } else if (f.isNull()) {
      report(v, c, configName, "VALIDATION_0021", what + " has a null `" + field + "`");
    } else if (!f.isTextual()) {
      report(v, c, configName, "VALIDATION_0022", what + "'s `" + field + "` is not text");
    } else if (f.textValue().isEmpty()) {
      report(v, c, configName, "VALIDATION_0023", what + "'s `" + field + "` is empty");
    }
  }

  /**
   * Each precondition is written {@code ${...}} (VALIDATION_0080) and evaluates against a record
   * (VALIDATION_0081); only what fails whatever the record holds is reported for the latter.
   */
  private static void preconditions(Verification v, Component c, ConfigDefinition def, @Nullable JsonNode value) {
    if (value == null || !value.isArray()) {
      return;
    }
    for (JsonNode p : value) {
      if (!p.isTextual()) {
        crash(v, c, def.name(), "preconditions must be text");
        return;
      }
      String text = p.textValue().trim();
      if (!text.startsWith("${") || !text.endsWith("}")) {
        report(v, c, def.name(), "VALIDATION_0080", "a precondition must be written ${...}");
        continue;
      }
      Expressions.Result parsed = Expressions.parse(text);
      Optional<String> problem = parsed.error().map(e -> e.message())
          .or(() -> ImplicitEvaluation.failure(parsed.expression().orElseThrow(), def.el(), v.catalog().el(),
              CreationRules.parameters(v.pipelineComponent()), ImplicitEvaluation.Target.BOOLEAN));
      problem.ifPresent(reason -> report(v, c, def.name(), "VALIDATION_0081", "a precondition cannot be evaluated: " + reason));
    }
  }

  private static void report(Verification v, Component c, @Nullable String configName, String code, String message) {
    String stage = c.stage() == null ? null : c.stage().issueName();
    String owner = c.stage() == null ? "the pipeline" : c.stage().displayName()
        + (c.service() == null ? "" : "'s service " + simpleName(c.service()));
    v.report(new PipelineIssue(code, stage, c.service(), configName, owner + ": " + message, IssuePhase.SAVE));
  }

  private static String simpleName(String service) {
    return service.substring(service.lastIndexOf('.') + 1);
  }
}
