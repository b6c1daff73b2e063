package io.flowascode.compiler.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.compiler.catalog.ElScope;
import io.flowascode.compiler.catalog.Evaluation;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.el.Expressions;
import io.flowascode.compiler.el.ImplicitEvaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine refuses while it creates the pipeline's objects from the JSON, which it does on
 * every save (CREATION_* issues): each config value converted to the type of the field it fills,
 * each IMPLICIT expression evaluated with the pipeline's parameters, each stage in a slot its
 * definition allows. Data Collector's {@code PipelineBeanCreator} and {@code ConfigInjector}.
 *
 * <p>Where the definitions do not say what the engine's field is, the type of the config decides;
 * a value chooser is an enum unless its definition marks it open; a number is any JSON number.
 */
final class CreationRules implements PipelineRule {
  /** The configs every stage has, which the engine creates apart from the stage's own. */
  private static final java.util.Set<String> FRAMEWORK_CONFIGS =
      java.util.Set.of("stageOnRecordError", "stageRequiredFields", "stageRecordPreconditions");
  @Override
  public void check(Verification v) {
    PipelineModel p = v.pipeline();
    Component pipeline = v.pipelineComponent();
    int before = v.issues().size();
    Map<String, Object> noParameters = Map.of();
    // The parameters are created first, then every other setting with them in scope.
    pipeline.definitions().values().stream().filter(d -> d.name().equals("constants"))
        .forEach(d -> inject(v, pipeline, d, noParameters));
    Map<String, Object> parameters = parameters(pipeline);
    for (ConfigDefinition d : pipeline.definitions().values()) {
      if (!d.name().equals("constants")) {
        inject(v, pipeline, d, parameters);
      }
    }
    if (v.issues().size() > before) {
      return; // the engine creates no stage when the pipeline's own settings fail
    }
    for (StageInstance s : p.stages()) {
      stage(v, s, parameters);
    }
    p.statsAggregatorStage().ifPresent(s -> stage(v, s, parameters));
    if (p.errorStage().isPresent()) {
      stage(v, p.errorStage().get(), parameters);
    } else if (!v.options().fragment()
        && !List.of("BATCH", "STREAMING").contains(EngineValues.text(pipeline.value("executionMode").orElse(null)))) {
      // A fragment is checked inside a pipeline the engine makes for it, with an error stage.
      v.report(new PipelineIssue("CREATION_009", null, null, "badRecordsHandling",
          "the pipeline has no error stage; the engine needs one for error records", IssuePhase.SAVE));
    }
    p.startEventStages().stream().limit(1).forEach(s -> stage(v, s, parameters));
    p.stopEventStages().stream().limit(1).forEach(s -> stage(v, s, parameters));
    webhooks(v, pipeline);
  }

  /** The pipeline's parameters as the engine reads them (its `constants`, a list of key and value). */
  static Map<String, Object> parameters(Component pipeline) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    JsonNode constants = pipeline.value("constants").orElse(null);
    if (constants != null && constants.isArray()) {
      for (JsonNode entry : constants) {
        if (entry.isObject() && entry.hasNonNull("key") && entry.has("value")) {
          JsonNode value = entry.get("value");
          parameters.put(entry.get("key").asText(), value.isValueNode() && !value.isNull() ? value.asText() : null);
        }
      }
    }
    return parameters;
  }

  private static void stage(Verification v, StageInstance s, Map<String, Object> parameters) {
    Optional<StageDefinition> found = v.publishedDefinition(s);
    if (found.isEmpty()) {
      return; // unknown, or inferred from pipelines: its configs cannot be judged
    }
    StageDefinition def = found.get();
    String name = s.displayName();
    switch (s.role()) {
      case START_EVENT, STOP_EVENT -> {
        if (!def.pipelineLifecycleStage()) {
          v.report(new PipelineIssue("CREATION_018", s.issueName(), null, null, name + " (" + def.label()
              + ") is a pipeline start or stop stage, but " + def.label() + " cannot handle pipeline events", IssuePhase.SAVE));
        }
      }
      case ERROR -> {
        if (!def.errorStage()) {
          v.report(new PipelineIssue("CREATION_008", s.issueName(), null, null, name + " (" + def.label()
              + ") is the error stage, but " + def.label() + " cannot receive error records", IssuePhase.SAVE));
        }
      }
      default -> {
        if (def.errorStage()) {
          v.report(new PipelineIssue("CREATION_007", s.issueName(), null, null, name + " uses " + def.label()
              + ", which can only be an error stage", IssuePhase.SAVE));
        }
      }
    }
    Component component = v.component(s);
    // A connection chosen by id needs Control Hub: the engine stops creating the stage's own
    // configs there (the framework's and the services' are still created).
    Optional<ConfigDefinition> connection = component.definitions().values().stream()
        .filter(d -> !d.connectionType().isEmpty())
        .filter(d -> component.value(d.name()).filter(JsonNode::isTextual)
            .map(x -> !x.textValue().equalsIgnoreCase("MANUAL")).orElse(false))
        .findFirst();
    connection.ifPresent(d -> v.report(new PipelineIssue("CREATION_1105", s.issueName(), null, null, name
        + " uses a connection by id (`" + d.name() + "`), which needs Control Hub", IssuePhase.SAVE)));
    for (ConfigDefinition d : component.definitions().values()) {
      if (connection.isEmpty() || FRAMEWORK_CONFIGS.contains(d.name())) {
        inject(v, component, d, parameters);
      }
    }
    for (ServiceInstance service : s.services()) {
      Optional<ServiceDefinition> sdef = v.catalog().service(service.service());
      if (sdef.isPresent()) {
        Component sc = v.component(s, service).named(sdef.get().className());
        for (ConfigDefinition d : sc.definitions().values()) {
          inject(v, sc, d, parameters);
        }
      }
    }
  }

  /** One config as {@code ConfigInjector} fills the field: the value read, else the default. */
  private static void inject(Verification v, Component c, ConfigDefinition def, Map<String, Object> parameters) {
    JsonNode value = c.value(def.name()).orElse(null);
    if (value == null || value.isNull()) {
      // A map field with no value and no default gets an empty Java map, which the engine then
      // refuses as "not a list of key and value" (fields initialised in code would not, but the
      // definitions cannot say which those are).
      if (def.type() == ConfigType.MAP && (def.defaultValue() == null || def.defaultValue().isNull())) {
        report(v, c, def.name(), "CREATION_030", "`" + def.name() + "` is empty; a map must be a list of key and value pairs");
      }
      return;
    }
    value(v, c, def, def.name(), value, parameters);
  }

  private static void value(Verification v, Component c, ConfigDefinition def, String configName, JsonNode value,
      Map<String, Object> parameters) {
    Optional<ConfigModel> model = def.model();
    if (model.isPresent() && model.get().isListBean()) {
      listOfBeans(v, c, configName, value, model.get(), parameters);
    } else if (isListField(def)) {
      list(v, c, def, configName, value, parameters);
    } else if (def.type() == ConfigType.MAP) {
      map(v, c, def, configName, value, parameters);
    } else {
      if (value.isTextual() && Expressions.isExpression(value.textValue()) && def.evaluation() == Evaluation.IMPLICIT) {
        expression(v, c, def, configName, value.textValue(), parameters, target(def));
        return; // the engine goes on with the evaluated value, which has the field's type
      }
      scalar(v, c, def, configName, value);
    }
  }

  private static void listOfBeans(Verification v, Component c, String configName, JsonNode value,
      ConfigModel model, Map<String, Object> parameters) {
    if (!value.isArray()) {
      report(v, c, configName, "CREATION_040", "`" + configName + "` must be a list of entries");
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode entry = value.get(i);
      if (!entry.isObject()) {
        report(v, c, configName + "[" + i + "]", "CREATION_042",
            "entry " + (i + 1) + " of `" + configName + "` is not a map of its fields");
        continue;
      }
      for (ConfigDefinition field : model.beanConfigs()) {
        JsonNode fieldValue = entry.get(field.name());
        if (fieldValue == null || fieldValue.isNull()) {
          if (field.type() == ConfigType.MAP && (field.defaultValue() == null || field.defaultValue().isNull())) {
            report(v, c, field.name(), "CREATION_030", "`" + field.name() + "` of entry " + (i + 1) + " of `"
                + configName + "` is empty; a map must be a list of key and value pairs");
          }
          continue;
        }
        value(v, c, field, field.name(), fieldValue, parameters);
      }
    }
  }

  private static void list(Verification v, Component c, ConfigDefinition def, String configName, JsonNode value,
      Map<String, Object> parameters) {
    if (!value.isArray()) {
      report(v, c, configName, "CREATION_020", "`" + configName + "` must be a list");
      return;
    }
    boolean choices = def.model().map(m -> m.isMultiValueChooser() && !m.openChoice() && !m.values().isEmpty()).orElse(false);
    for (JsonNode element : value) {
      if (element.isNull()) {
        report(v, c, configName, "CREATION_021", "`" + configName + "` holds an empty (null) element");
        continue;
      }
      if (element.isTextual() && Expressions.isExpression(element.textValue()) && def.evaluation() == Evaluation.IMPLICIT) {
        if (!expression(v, c, def, configName, element.textValue(), parameters, ImplicitEvaluation.Target.TEXT)) {
          
        }
      } else if (choices && !def.model().get().values().contains(EngineValues.text(element))) {
        report(v, c, configName, "CREATION_010", "`" + EngineValues.text(element) + "` is not one of the values of `"
            + configName + "`");
      }
    }
  }

  private static void map(Verification v, Component c, ConfigDefinition def, String configName, JsonNode value,
      Map<String, Object> parameters) {
    if (!value.isArray()) {
      report(v, c, configName, "CREATION_030", "`" + configName + "` must be a list of key and value pairs");
      return;
    }
    for (JsonNode entry : value) {
      if (!entry.isObject()) {
        report(v, c, configName, "CREATION_031", "`" + configName + "` holds an element that is not a key and value pair");
        continue;
      }
      if (entry.path("key").isNull() || entry.path("key").isMissingNode()) {
        report(v, c, configName, "CREATION_032", "`" + configName + "` holds a pair without a key");
      }
      JsonNode v2 = entry.get("value");
      if (v2 == null || v2.isNull()) {
        report(v, c, configName, "CREATION_033", "`" + configName + "` holds a pair without a value");
      } else if (v2.isTextual() && Expressions.isExpression(v2.textValue()) && def.evaluation() == Evaluation.IMPLICIT) {
        expression(v, c, def, configName, v2.textValue(), parameters, ImplicitEvaluation.Target.TEXT);
      }
    }
  }

  /** A value the engine converts to one field: text, a character, a boolean, a number, an enum. */
  private static void scalar(Verification v, Component c, ConfigDefinition def, String configName, JsonNode value) {
    Optional<ConfigModel> model = def.model();
    if (model.isPresent() && model.get().isValueChooser() && !model.get().openChoice() && !model.get().values().isEmpty()) {
      String text = EngineValues.text(value);
      // The list may offer only some of the enum's values; the default is always one of them.
      if (!model.get().values().contains(text) && !text.equals(EngineValues.text(def.defaultValue()))) {
        report(v, c, configName, "CREATION_010", "`" + text + "` is not one of the values of `" + configName + "`");
      }
      return;
    }
    switch (def.type()) {
      case STRING, TEXT -> {
        if (!value.isTextual()) {
          report(v, c, configName, "CREATION_011", "`" + configName + "` must be text");
        }
      }
      case MODEL -> {
        if ((model.map(ConfigModel::isValueChooser).orElse(false) || model.map(ConfigModel::isFieldSelector).orElse(false))
            && !value.isTextual()) {
          report(v, c, configName, "CREATION_011", "`" + configName + "` must be text");
        }
      }
      case CHARACTER -> {
        if (!value.isTextual() || !isCharacter(value.textValue())) {
          report(v, c, configName, "CREATION_012", "`" + configName + "` must be a single character");
        }
      }
      case CREDENTIAL -> {
        if (!value.isTextual()) {
          report(v, c, configName, "CREATION_012", "`" + configName + "` must be text");
        }
      }
      case BOOLEAN -> {
        if (!value.isBoolean()) {
          report(v, c, configName, "CREATION_013", "`" + configName + "` must be true or false");
        }
      }
      case NUMBER -> {
        if (!value.isNumber()) {
          report(v, c, configName, "CREATION_014", "`" + configName + "` must be a number");
        }
      }
      default -> {
        // RUNTIME configs and types the engine fills itself
      }
    }
  }

  /** One character, or a {@code \\uXXXX} escape for one the UI cannot type. */
  static boolean isCharacter(String s) {
    if (s.startsWith("\\u") && s.length() > 5 && s.substring(2).matches("[0-9a-fA-F]+")) {
      return true;
    }
    return s.length() == 1;
  }

  /** False when the evaluation failed (and was reported). */
  private static boolean expression(Verification v, Component c, ConfigDefinition def, String configName, String text,
      Map<String, Object> parameters, ImplicitEvaluation.Target target) {
    Expressions.Result parsed = Expressions.parse(text);
    java.util.List<String> choices = new java.util.ArrayList<>(def.model().map(ConfigModel::values).orElse(java.util.List.of()));
    choices.add(EngineValues.text(def.defaultValue()));
    Optional<String> failure = parsed.error().map(e -> e.message())
        .or(() -> ImplicitEvaluation.failure(parsed.expression().orElseThrow(), scope(def), v.catalog().el(), parameters,
            target, choices));
    if (failure.isPresent()) {
      report(v, c, configName, "CREATION_005", "the expression in `" + configName + "` cannot be evaluated: " + failure.get());
      return false;
    }
    return true;
  }

  private static ElScope scope(ConfigDefinition def) {
    return def.el();
  }

  /** The Java type the engine converts an IMPLICIT expression's result to. */
  private static ImplicitEvaluation.Target target(ConfigDefinition def) {
    if (def.model().map(m -> m.isValueChooser() && !m.openChoice() && !m.values().isEmpty()).orElse(false)) {
      return ImplicitEvaluation.Target.CHOICE;
    }
    return switch (def.type()) {
      case NUMBER -> ImplicitEvaluation.Target.NUMBER;
      case BOOLEAN -> ImplicitEvaluation.Target.BOOLEAN;
      case CREDENTIAL -> ImplicitEvaluation.Target.ANY;
      default -> ImplicitEvaluation.Target.TEXT;
    };
  }

  /** Configs whose field is a Java list: lists, field lists, multiple choices and predicates. */
  static boolean isListField(ConfigDefinition def) {
    if (def.type() == ConfigType.LIST) {
      return true;
    }
    return def.model().map(m -> m.isMultiFieldSelector() || m.isMultiValueChooser() || m.isPredicate()).orElse(false);
  }

  private static void webhooks(Verification v, Component pipeline) {
    JsonNode hooks = pipeline.value("webhookConfigs").orElse(null);
    if (hooks == null || !hooks.isArray()) {
      return;
    }
    for (JsonNode hook : hooks) {
      JsonNode url = hook.path("webhookUrl");
      if (!url.isTextual() || url.textValue().isEmpty()) {
        v.report(new PipelineIssue("CREATION_080", null, null, "webhookUrl",
            "a webhook of the pipeline has no URL", IssuePhase.SAVE));
        return;
      }
    }
  }

  private static void report(Verification v, Component c, String configName, String code, String message) {
    v.report(new PipelineIssue(code, c.stage() == null ? null : c.stage().issueName(), c.service(), configName,
        (c.stage() == null ? "" : c.stage().displayName() + ": ") + message, IssuePhase.SAVE));
  }
}
