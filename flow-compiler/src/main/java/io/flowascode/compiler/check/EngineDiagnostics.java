package io.flowascode.compiler.check;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.config.BoundConfig;
import io.flowascode.compiler.config.ConfigBinder;
import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.emit.SpecialStage;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.compiler.verify.IssuePhase;
import io.flowascode.compiler.verify.PipelineIssue;
import io.flowascode.compiler.verify.StartCodes;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Suggestions;
import io.flowascode.yaml.NameFixes;
import io.flowascode.model.ConfigEntry;
import io.flowascode.model.Located;
import io.flowascode.model.StageDecl;
import io.flowascode.source.Span;
import io.flowascode.yaml.SourceMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what the platform's rules find in the emitted pipeline into diagnostics of the flow file:
 * each issue shown where the file sets the config (or names the stage, when the config is left
 * out), in the file's words (readable config names, the value written), with the engine's own
 * codes attached. Issues on the same config are one diagnostic; issues the compiler's own checks
 * already reported are not repeated.
 */
public final class EngineDiagnostics {
  private final Catalog catalog;
  private final SourceMap map;
  private final CompiledFlow flow;
  private final Diagnostics out;
  private final Map<String, StageNode> byInstance = new LinkedHashMap<>();
  private final Map<String, SpecialStage> special = new LinkedHashMap<>();

  public EngineDiagnostics(Catalog catalog, SourceMap map, CompiledFlow flow, Diagnostics out) {
    this.catalog = catalog;
    this.map = map;
    this.flow = flow;
    this.out = out;
    flow.graph().stages().forEach(n -> byInstance.put(n.instanceName(), n));
    special.put(flow.errorStage().instanceName("_ErrorStage"), flow.errorStage());
    flow.startEvent().ifPresent(s -> special.put(s.instanceName("_StartEventStage"), s));
    flow.stopEvent().ifPresent(s -> special.put(s.instanceName("_StopEventStage"), s));
    flow.testOrigin().ifPresent(s -> special.put(s.instanceName("_TestOriginStage"), s));
    flow.statsAggregator().ifPresent(s -> special.put(s.instanceName("_StatsAggregatorStage"), s));
  }

  /** Where a problem is shown: the stage (null for the pipeline), service and config it is about. */
  private record Target(@Nullable String stage, @Nullable String service, @Nullable String config) {}

  /** What kind of problem, which decides the message; several engine codes may say one thing. */
  private static final List<Code> PRIORITY = List.of(Code.CONFIG_WRONG_TYPE, Code.CONFIG_INVALID_CHOICE,
      Code.CONFIG_OUT_OF_RANGE, Code.CONFIG_REQUIRED, Code.INVALID_EXPRESSION, Code.INVALID_FIELD_PATH,
      Code.INVALID_PRECONDITION, Code.UNSUPPORTED_EXECUTION_MODE, Code.SETTINGS_CONFLICT, Code.UNKNOWN_CONFIG,
      Code.UNLISTED_CHOICE, Code.ENGINE_REFUSES);

  /**
   * @param compilerFoundErrors the compiler's own checks failed the flow: only issues about
   *     configs are added then, as the pipeline's shape is not what the file means
   */
  public void report(List<PipelineIssue> issues, boolean compilerFoundErrors, Set<String> expressionsReported) {
    Set<String> alreadyReported = new HashSet<>();
    for (Diagnostic d : out.sorted()) {
      d.engineCodes().forEach(c -> alreadyReported.add(c.code()));
    }
    Map<Target, List<PipelineIssue>> grouped = new LinkedHashMap<>();
    for (PipelineIssue issue : issues) {
      if (issue.phase() == IssuePhase.NOTE || (issue.phase() == IssuePhase.EXTRA && issue.configName() == null)
          || (issue.platformCode() == null && issue.phase() == IssuePhase.SAVE)) {
        continue;
      }
      Code code = issue.phase() == IssuePhase.EXTRA ? Code.UNLISTED_CHOICE : code(issue);
      if (code == Code.INVALID_EXPRESSION && expressionsReported.contains(
          ExpressionChecks.key(issue.instanceName(), issue.serviceName(), issue.configName()))) {
        continue; // shown already, at the place of the error
      }
      boolean aboutConfig = issue.configName() != null && code != Code.ENGINE_REFUSES;
      if ((compilerFoundErrors && !aboutConfig) || (issue.platformCode() != null
          && alreadyReported.contains(issue.platformCode()) && !aboutConfig)) {
        continue;
      }
      if ("VALIDATION_0008".equals(issue.platformCode())) {
        continue; // the binder names unknown configs and fields where they are written
      }
      // Issues without a config are about the stage or pipeline as a whole, one diagnostic each;
      // an entry of a list (`configs[2]`) is its list's.
      String config = issue.configName() == null ? null : issue.configName().replaceAll("\\[\\d+]$", "");
      Target t = new Target(issue.instanceName(), issue.serviceName(),
          config != null ? config : "#" + issue.platformCode() + issue.message());
      grouped.computeIfAbsent(t, k -> new ArrayList<>()).add(issue);
    }
    grouped.forEach((t, list) -> diagnostic(t.config() != null && t.config().startsWith("#") ? new Target(t.stage(), t.service(), null) : t, list));
  }

  private static Code kind(List<PipelineIssue> issues) {
    Code best = Code.ENGINE_REFUSES;
    for (PipelineIssue i : issues) {
      Code c = i.phase() == IssuePhase.EXTRA ? Code.UNLISTED_CHOICE : code(i);
      if (PRIORITY.indexOf(c) < PRIORITY.indexOf(best)) {
        best = c;
      }
    }
    return best;
  }

  private static Code code(PipelineIssue issue) {
    String c = issue.platformCode();
    if (c == null) {
      return issue.configName() != null ? Code.CONFIG_INVALID_CHOICE : Code.ENGINE_REFUSES; // a stage's check on start
    }
    if (c.equals("CREATION_080")) {
      return Code.SETTINGS_CONFLICT; // a webhook without its URL
    }
    if (c.equals("CONTAINER_0701") && issue.configName() != null) {
      return Code.CONFIG_OUT_OF_RANGE;
    }
    return switch (c) {
      case "VALIDATION_0007" -> Code.CONFIG_REQUIRED;
      case "CREATION_005" -> Code.INVALID_EXPRESSION;
      case "CREATION_010" -> Code.CONFIG_INVALID_CHOICE;
      case "VALIDATION_0034", "VALIDATION_0035" -> Code.CONFIG_OUT_OF_RANGE;
      case "VALIDATION_0033" -> Code.INVALID_FIELD_PATH;
      case "VALIDATION_0080", "VALIDATION_0081" -> Code.INVALID_PRECONDITION;
      case "VALIDATION_0071" -> Code.UNSUPPORTED_EXECUTION_MODE;
      case "VALIDATION_0008" -> Code.UNKNOWN_CONFIG;
      case "VALIDATION_0074", "VALIDATION_0091", "VALIDATION_0092", "VALIDATION_0105", "VALIDATION_0106" -> Code.SETTINGS_CONFLICT;
      default -> c.startsWith("CREATION_0") || c.equals("VALIDATION_0009") || c.equals("CONTAINER_0000")
          ? issue.configName() != null ? Code.CONFIG_WRONG_TYPE : Code.ENGINE_REFUSES
          : Code.ENGINE_REFUSES;
    };
  }

  private void diagnostic(Target t, List<PipelineIssue> issues) {
    PipelineIssue first = issues.get(0);
    Code kind = kind(issues);
    // A setting of the pipeline keeps the settings' own code whatever is wrong with its value.
    boolean setting = t.stage() == null && t.config() != null;
    Code code = setting && List.of(Code.CONFIG_WRONG_TYPE, Code.CONFIG_INVALID_CHOICE, Code.CONFIG_OUT_OF_RANGE).contains(kind)
        ? Code.SETTING_WRONG_VALUE : kind;
    Optional<StageNode> node = Optional.ofNullable(t.stage()).map(byInstance::get);
    Optional<SpecialStage> slot = Optional.ofNullable(t.stage()).map(special::get);
    BoundConfig bound = node.map(StageNode::config).or(() -> slot.map(SpecialStage::config))
        .orElse(t.stage() == null ? flow.settings() : BoundConfig.empty());
    Optional<ConfigDefinition> def = definition(t, node, slot);
    Optional<ConfigEntry> written = t.config() == null ? Optional.empty() : bound.entry(t.service(), t.config());
    Optional<Located<JsonNode>> field = written.isPresent() ? Optional.empty() : beanField(t, def, bound);
    Optional<JsonNode> value = written.map(ConfigEntry::value).or(() -> field.map(Located::value));
    // A message about a config names it; "null" only where neither definition nor name is known.
    String shown = def.map(ConfigDefinition::attributeName).filter(a -> !a.isEmpty()).orElseGet(() -> String.valueOf(t.config()));
    String owner = node.map(n -> "stage `" + n.id() + "` (" + n.definition().label() + ")")
        .or(() -> slot.map(s -> "the " + s.definition().label() + " stage"))
        .orElse(t.stage() == null ? "the pipeline" : "stage " + t.stage());
    Span at = written.map(ConfigEntry::valueSpan)
        .or(() -> field.map(Located::span))
        .or(() -> settingOf(first))
        .orElseGet(() -> stageSpan(node, slot, t));
    Optional<Integer> badEntry = def.filter(d -> d.model().map(ConfigModel::isListBean).orElse(false))
        .flatMap(d -> value).flatMap(EngineDiagnostics::firstNonMapping);
    if (kind == Code.CONFIG_WRONG_TYPE && badEntry.isPresent() && written.isPresent()) {
      JsonNode entry = value.get().get(badEntry.get());
      at = map.valueSpan(SourceMap.child(written.get().pointer(), badEntry.get()));
      Diagnostic.Builder b = Diagnostic.of(code, at, "an entry of `" + shown + "` takes a mapping of the entry's fields, not "
              + ConfigBinder.describe(entry))
          .label("expected a mapping of the entry's fields")
          .help("write the entry as `- {field: value, ...}`");
      for (PipelineIssue i : issues) {
        if (i.platformCode() != null) {
          b.engineCode(i.platformCode(), i.configName() == null ? "" : i.configName());
        }
      }
      out.add(b.build());
      return;
    }
    Diagnostic.Builder b = switch (kind) {
      case CONFIG_REQUIRED -> required(at, written.isPresent(), shown, def, owner, t, node, bound);
      case CONFIG_WRONG_TYPE -> wrongValue(code, at, shown, def, value, first);
      case CONFIG_INVALID_CHOICE, UNLISTED_CHOICE -> choice(code, elementSpan(at, written, value, def), shown, def, value);
      case CONFIG_OUT_OF_RANGE -> range(code, at, shown, def, value);
      case INVALID_EXPRESSION -> Diagnostic.of(code, at, "the expression in `" + shown + "` cannot be evaluated on save: "
              + reason(first.message()))
          .label("refused by the engine")
          .help(expressionHelp(first.message()));
      case INVALID_FIELD_PATH -> Diagnostic.of(code, at, "`" + shown + "` holds a field path the engine cannot read: "
              + reason(first.message()))
          .label("not a field path")
          .help("write field paths as `/field`, `/parent/child` or `/list[0]`; quote odd names: `/'my field'`");
      case UNSUPPORTED_EXECUTION_MODE -> mode(at, node, slot, first);
      case INVALID_PRECONDITION -> Diagnostic.of(code, at, "`" + shown + "`: " + reason(first.message()))
          .label("refused by the engine")
          .help("write each precondition as an expression, e.g. '${record:value(\"/id\") != NULL}'");
      default -> Diagnostic.of(code, at, reason(first.message()))
          .label("refused by the engine")
          .help(code == Code.SETTINGS_CONFLICT ? "change the setting or the stages it names"
              : "change the flow so the engine accepts it");
    };
    String stageName = node.map(n -> n.definition().name()).or(() -> slot.map(s -> s.definition().name())).orElse("");
    for (PipelineIssue i : issues) {
      if (i.platformCode() != null) {
        b.engineCode(i.platformCode(), i.configName() == null ? "" : i.configName());
      } else if (i.phase() == IssuePhase.START && i.configName() != null) {
        StartCodes.of(stageName, i.serviceName(), i.configName()).forEach(e -> b.engineCode(e.code(), e.config()));
      }
    }
    if (first.phase() == IssuePhase.START) {
      b.note("the engine saves the pipeline, but the stage refuses this value when it starts");
    }
    out.add(b.build());
  }

  private Optional<ConfigDefinition> definition(Target t, Optional<StageNode> node, Optional<SpecialStage> slot) {
    if (t.config() == null) {
      return Optional.empty();
    }
    if (t.stage() == null) {
      return catalog.pipelineConfigs().stream().filter(c -> c.name().equals(t.config())).findFirst();
    }
    Optional<StageDefinition> stage = node.map(StageNode::definition).or(() -> slot.map(SpecialStage::definition));
    if (stage.isEmpty()) {
      return Optional.empty();
    }
    List<ConfigDefinition> defs = t.service() == null ? stage.get().configs()
        : catalog.service(t.service()).map(ServiceDefinition::configs).orElse(List.of());
    Optional<ConfigDefinition> direct = defs.stream().filter(c -> c.name().equals(t.config())).findFirst();
    if (direct.isPresent()) {
      return direct;
    }
    // A list-of-beans field, which the engine names by its own name.
    for (ConfigDefinition d : defs) {
      Optional<ConfigDefinition> field = d.model().map(ConfigModel::beanConfigs).orElse(List.of()).stream()
          .filter(c -> c.name().equals(t.config())).findFirst();
      if (field.isPresent()) {
        return field;
      }
    }
    return Optional.empty();
  }

  /** The written list entry that holds a bean field of this name, for issues on list fields. */
  private Optional<Located<JsonNode>> beanField(Target t, Optional<ConfigDefinition> def, BoundConfig bound) {
    if (t.config() == null) {
      return Optional.empty();
    }
    String readable = def.map(ConfigDefinition::attributeName).orElse(snake(t.config()));
    for (ConfigEntry e : bound.written().values()) {
      JsonNode v = e.value();
      if (v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          JsonNode item = v.get(i);
          if (item.isObject()) {
            for (var it = item.fieldNames(); it.hasNext(); ) {
              String f = it.next();
              if (f.equals(t.config()) || readable.equals(f)) {
                return Optional.of(new Located<>(item.get(f), map.valueSpan(SourceMap.child(SourceMap.child(e.pointer(), i), f))));
              }
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** The setting a pipeline issue without a config is about, where the file writes it. */
  private Optional<Span> settingOf(PipelineIssue issue) {
    String setting = issue.platformCode() == null || issue.instanceName() != null ? null : switch (issue.platformCode()) {
      case "VALIDATION_0074" -> "advancedErrorHandling";
      case "VALIDATION_0106" -> "executionMode";
      default -> null;
    };
    return Optional.ofNullable(setting).flatMap(n -> flow.settings().entry(null, n)).map(e -> e.key().span());
  }

  private Span stageSpan(Optional<StageNode> node, Optional<SpecialStage> slot, Target t) {
    if (node.isPresent()) {
      StageDecl decl = node.get().decl();
      return decl.ref().label().or(() -> decl.ref().name()).map(Located::span).orElse(decl.id().span());
    }
    if (slot.isPresent() && slot.get().at().isPresent()) {
      return slot.get().at().get();
    }
    return t.stage() == null && t.config() != null ? map.keySpan("/flow") : flow.idSpan();
  }

  private Diagnostic.Builder required(Span at, boolean written, String shown, Optional<ConfigDefinition> def, String owner,
      Target t, Optional<StageNode> node, BoundConfig bound) {
    String when = def.map(d -> condition(d, t, node, bound)).orElse("");
    String where = t.stage() == null ? "under `settings:`" : "under `config:`";
    String example = def.map(d -> "`" + shown + ": " + ExampleValues.of(d) + "`").orElse("a value");
    return Diagnostic.of(Code.CONFIG_REQUIRED, at, "`" + shown + "` of " + owner + " is required" + when)
        .label(written ? "empty" : "`" + shown + "` is not set")
        .help((written ? "give it a value, e.g. " : "set it " + where + ", e.g. ") + example);
  }

  /** " when `data_format` is `JSON`": the settings that make the config needed, as written. */
  private String condition(ConfigDefinition d, Target t, Optional<StageNode> node, BoundConfig bound) {
    if (d.dependsOn().isEmpty() || node.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    List<ConfigDefinition> defs = new ArrayList<>(node.get().definition().configs());
    if (t.service() != null) {
      catalog.service(t.service()).ifPresent(s -> defs.addAll(s.configs()));
    }
    for (String on : d.dependsOn().keySet()) {
      Optional<ConfigDefinition> dep = defs.stream().filter(c -> c.name().equals(on)).findFirst();
      JsonNode value = bound.values().get((t.service() == null ? "" : t.service() + "#") + on);
      if (value == null && dep.isPresent()) {
        value = io.flowascode.compiler.catalog.CanvasDefaults.of(dep.get());
      }
      if (dep.isPresent() && value != null && !value.isNull()) {
        parts.add("`" + dep.get().attributeName() + "` is `" + value.asText() + "`");
      }
    }
    return parts.isEmpty() ? "" : " when " + String.join(" and ", parts);
  }

  private Diagnostic.Builder wrongValue(Code code, Span at, String shown, Optional<ConfigDefinition> def,
      Optional<JsonNode> written, PipelineIssue issue) {
    String expected = def.map(EngineDiagnostics::expected).orElse("another kind of value");
    JsonNode value = written.orElse(null);
    String actual = value == null ? reason(issue.message()) : ConfigBinder.describe(value);
    Diagnostic.Builder b = Diagnostic.of(code, at, "`" + shown + "` takes " + expected + ", not " + actual)
        .label("expected " + expected);
    if (value != null && value.isTextual() && def.isPresent()) {
      String text = value.asText().trim().toLowerCase(Locale.ROOT);
      if ((def.get().type() == ConfigType.NUMBER && text.matches("-?\\d+(\\.\\d+)?"))
          || (def.get().type() == ConfigType.BOOLEAN && text.matches("true|false"))) {
        b.help("remove the quotes: " + value.asText().trim());
      } else if (def.get().type() == ConfigType.BOOLEAN && text.matches("yes|no|on|off|y|n")) {
        b.help("flow files are YAML 1.2, where `" + value.asText() + "` is text; write true or false");
      }
    }
    if (value != null && value.isValueNode() && def.isPresent()
        && (def.get().type() == ConfigType.LIST || def.get().model().map(ConfigModel::isMultiFieldSelector).orElse(false))) {
      b.help("write it as a list: [" + value.asText() + "]");
    }
    if (def.isPresent() && def.get().model().map(ConfigModel::isListBean).orElse(false)) {
      b.help("write each entry as a mapping under `- `");
    }
    return b;
  }

  private static String expected(ConfigDefinition d) {
    if (d.model().map(m -> m.isValueChooser() && !m.values().isEmpty()).orElse(false)) {
      return "one of " + choices(d.model().get());
    }
    if (d.model().map(ConfigModel::isListBean).orElse(false)) {
      return "a list of entries";
    }
    if (d.model().map(ConfigModel::isMultiFieldSelector).orElse(false)) {
      return "a list of field paths";
    }
    if (d.model().map(ConfigModel::isFieldSelector).orElse(false)) {
      return "a field path";
    }
    if (d.model().map(ConfigModel::isMultiValueChooser).orElse(false)) {
      return "a list of values";
    }
    return switch (d.type()) {
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case CHARACTER -> "a single character";
      case LIST -> "a list";
      case MAP -> "a mapping of keys to values";
      default -> "text";
    };
  }

  private Diagnostic.Builder choice(Code code, Span at, String shown, Optional<ConfigDefinition> def,
      Optional<JsonNode> written) {
    Optional<ConfigModel> model = def.flatMap(ConfigDefinition::model);
    String v = written.map(n -> offending(n, model)).orElse("the value");
    Diagnostic.Builder b = code == Code.UNLISTED_CHOICE
        ? Diagnostic.of(code, at, "`" + v + "` is not one of the values the UI offers for `" + shown + "`").label("not offered")
        : Diagnostic.of(code, at, "`" + v + "` is not an allowed value of `" + shown + "`").label("not allowed");
    Optional<ConfigModel> m = model;
    if (m.isEmpty()) {
      return b.help("`flow catalog <label>` lists the allowed values");
    }
    for (int i = 0; i < m.get().labels().size() && i < m.get().values().size(); i++) {
      if (m.get().labels().get(i).equalsIgnoreCase(v)) {
        return b.help("`" + v + "` is the label shown in the UI; write its value `" + m.get().values().get(i) + "`")
            .fixes(NameFixes.replaceScalar(map.file(), at, v, List.of(m.get().values().get(i))));
      }
    }
    Optional<String> hint = Suggestions.didYouMean(v, m.get().values());
    return b.help(hint.orElse("allowed values: " + choices(m.get())))
        .fixes(NameFixes.replaceScalar(map.file(), at, v, Suggestions.closest(v, m.get().values(), 3)));
  }

  /** For a list of choices, the first element that is not allowed, where it is written. */
  private Span elementSpan(Span at, Optional<ConfigEntry> written, Optional<JsonNode> value, Optional<ConfigDefinition> def) {
    if (written.isEmpty() || value.isEmpty() || !value.get().isArray()) {
      return at;
    }
    List<String> allowed = def.flatMap(ConfigDefinition::model).map(ConfigModel::values).orElse(List.of());
    for (int i = 0; i < value.get().size(); i++) {
      if (!allowed.contains(value.get().get(i).asText())) {
        return map.valueSpan(SourceMap.child(written.get().pointer(), i));
      }
    }
    return at;
  }

  private static Optional<Integer> firstNonMapping(JsonNode list) {
    if (list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        if (!list.get(i).isObject()) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  /** The written value, or for a list the first element that is not an allowed value. */
  private static String offending(JsonNode value, Optional<ConfigModel> model) {
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (model.isEmpty() || !model.get().values().contains(element.asText())) {
          return element.asText();
        }
      }
    }
    return value.asText();
  }

  static String choices(ConfigModel m) {
    List<String> shown = m.values().stream().limit(12).map(v -> "`" + v + "`").toList();
    return String.join(", ", shown) + (m.values().size() > 12 ? ", …" : "");
  }

  private Diagnostic.Builder range(Code code, Span at, String shown, Optional<ConfigDefinition> def, Optional<JsonNode> written) {
    String range = def.map(d -> d.min().isPresent() && d.max().isPresent()
        ? "between " + d.min().get() + " and " + d.max().get()
        : d.min().isPresent() ? "at least " + d.min().get() : "at most " + d.max().orElse(0L)).orElse("within its range");
    return Diagnostic.of(code, at, "`" + shown + "` must be " + range
            + written.map(e -> ", not " + e.asText()).orElse(""))
        .label("out of range")
        .help("choose a value " + range);
  }

  private Diagnostic.Builder mode(Span at, Optional<StageNode> node, Optional<SpecialStage> slot, PipelineIssue issue) {
    StageDefinition def = node.map(StageNode::definition).or(() -> slot.map(SpecialStage::definition)).orElse(null);
    String modes = def == null ? "" : String.join(", ", def.executionModes().stream()
        .map(m -> "`" + m + "`").toList());
    return Diagnostic.of(Code.UNSUPPORTED_EXECUTION_MODE, at, reason(issue.message()))
        .label("not in this execution mode")
        .help(modes.isEmpty() ? "choose another stage" : "choose another stage, or set `execution_mode` under `settings:` to one of " + modes);
  }

  private static String expressionHelp(String message) {
    if (message.contains("cannot be resolved")) {
      return "define it under `flow: parameters:`, or check its spelling";
    }
    if (message.contains("No function is mapped") || message.contains("function")) {
      return "`flow catalog <label>` lists the functions this configuration may use";
    }
    return "this configuration is evaluated when the pipeline is saved, with only the flow's parameters in scope";
  }

  /**
   * The verifier's message without what the diagnostic says already: the owner it starts with
   * ("Directory_01: ..."), and its own lead-in for a config ("`x` holds ...: ", "... cannot be evaluated: ").
   */
  private static String reason(String message) {
    int colon = message.indexOf(": ");
    String m = colon > 0 && !message.substring(0, colon).contains(" ") ? message.substring(colon + 2) : message;
    for (String lead : List.of(" cannot be evaluated: ", " the engine cannot read: ")) {
      int at = m.indexOf(lead);
      if (at >= 0) {
        m = m.substring(at + lead.length());
      }
    }
    return m;
  }


}
