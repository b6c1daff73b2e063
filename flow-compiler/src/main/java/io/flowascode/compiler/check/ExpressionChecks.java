package io.flowascode.compiler.check;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.compiler.catalog.ElFunction;
import io.flowascode.compiler.catalog.ElScope;
import io.flowascode.compiler.catalog.Evaluation;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.config.BoundConfig;
import io.flowascode.compiler.el.ExpressionSyntaxError;
import io.flowascode.compiler.el.Expressions;
import io.flowascode.compiler.el.ParsedExpression;
import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.emit.SpecialStage;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.compiler.verify.StartCodes;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Suggestions;
import io.flowascode.yaml.NameFixes;
import io.flowascode.model.ConfigEntry;
import io.flowascode.model.PredicateDecl;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import io.flowascode.yaml.SourceMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every `${...}` the flow writes, as the engine will read it: the syntax of its expression
 * language (for every config, including those the engine only evaluates when the stage runs, so a
 * typo fails the build rather than the first record), the functions the config may call and how
 * many arguments each takes, and the names it reads: a name that is neither a parameter of the
 * flow nor a constant of the platform is most likely a typo (W0603).
 *
 * <p>Expressions of configs the engine evaluates on save (IMPLICIT) are also evaluated there, which
 * the platform's rules report; this class reports their syntax, with the place of the error.
 */
public final class ExpressionChecks {
  private final Catalog catalog;
  private final SourceFile file;
  private final SourceMap map;
  private final CompiledFlow flow;
  private final Diagnostics out;
  private final Set<String> reported = new HashSet<>();
  private final Map<String, String> stageNames = new HashMap<>();

  public ExpressionChecks(Catalog catalog, SourceFile file, SourceMap map, CompiledFlow flow, Diagnostics out) {
    this.catalog = catalog;
    this.file = file;
    this.map = map;
    this.flow = flow;
    this.out = out;
  }

  /** The configs (stage, service, raw name) whose expressions were reported here as errors. */
  public Set<String> reportedConfigs() {
    return reported;
  }

  public static String key(@Nullable String stage, @Nullable String service, @Nullable String config) {
    return stage + "|" + (service == null ? "" : service) + "|" + config;
  }

  public void check() {
    flow.graph().stages().forEach(n -> stageNames.put(n.instanceName(), n.definition().name()));
    for (StageNode node : flow.graph().stages()) {
      configs(node.instanceName(), node.definition(), node.config());
      Optional<ConfigDefinition> predicates = node.definition().configs().stream().filter(ConfigDefinition::isPredicate).findFirst();
      if (predicates.isPresent()) {
        for (PredicateDecl p : node.decl().predicates()) {
          String text = p.expression().value().trim();
          // One not written ${...} is reported as such (E0515); its inside is checked once it is.
          if (text.startsWith("${") && text.endsWith("}")) {
            one(node.instanceName(), null, predicates.get(), predicates.get().el(), text, p.expression().span(),
                "the predicate `" + p.name().value() + "`");
          }
        }
      }
    }
    List<SpecialStage> special = new ArrayList<>();
    special.add(flow.errorStage());
    flow.startEvent().ifPresent(special::add);
    flow.stopEvent().ifPresent(special::add);
    flow.testOrigin().ifPresent(special::add);
    flow.statsAggregator().ifPresent(special::add);
    for (SpecialStage s : special) {
      configs(null, s.definition(), s.config());
    }
    for (ConfigDefinition def : catalog.pipelineConfigs()) {
      flow.settings().entry(null, def.name()).ifPresent(e -> value(null, null, def, e));
    }
  }

  private void configs(@Nullable String instance, StageDefinition def, BoundConfig bound) {
    for (ConfigDefinition c : def.configs()) {
      bound.entry(null, c.name()).ifPresent(e -> value(instance, null, c, e));
    }
    for (var use : def.services()) {
      for (ConfigDefinition c : catalog.service(use.service()).map(ServiceDefinition::configs).orElse(List.of())) {
        bound.entry(use.service(), c.name()).ifPresent(e -> value(instance, use.service(), c, e));
      }
    }
  }

  /** Every text of a written value, with the definition that says how it is evaluated. */
  private void value(@Nullable String instance, @Nullable String service, ConfigDefinition def, ConfigEntry entry) {
    walk(instance, service, def, entry.value(), entry.pointer());
  }

  private void walk(@Nullable String instance, @Nullable String service, ConfigDefinition def, JsonNode value, String pointer) {
    if (value.isTextual()) {
      if (Expressions.isExpression(value.textValue())) {
        one(instance, service, def, def.el(), value.textValue(), map.valueSpan(pointer), "`" + def.attributeName() + "`");
      }
      return;
    }
    Optional<ConfigModel> beans = def.model().filter(ConfigModel::isListBean);
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        String at = SourceMap.child(pointer, i);
        if (beans.isPresent() && item.isObject()) {
          bean(instance, service, beans.get(), item, at);
        } else {
          walk(instance, service, def, item, at);
        }
      }
    } else if (value.isObject() && def.type() == ConfigType.MAP) {
      value.properties().forEach(e -> walk(instance, service, def, e.getValue(), SourceMap.child(pointer, e.getKey())));
    }
  }

  private void bean(@Nullable String instance, @Nullable String service, ConfigModel model, JsonNode item, String pointer) {
    item.properties().forEach(e -> model.beanConfigs().stream()
        .filter(f -> f.name().equals(e.getKey()) || f.attributeName().equals(e.getKey()))
        .findFirst()
        .ifPresent(f -> walk(instance, service, f, e.getValue(), SourceMap.child(pointer, e.getKey()))));
  }

  private void one(@Nullable String instance, @Nullable String service, ConfigDefinition def, ElScope scope, String text, Span at,
      String what) {
    Expressions.Result parsed = Expressions.parse(text);
    if (parsed.error().isPresent()) {
      ExpressionSyntaxError e = parsed.error().get();
      Diagnostic.Builder b = Diagnostic.of(Code.INVALID_EXPRESSION, pointAt(at, text, e.offset()),
              what + " holds an expression that cannot be read: " + e.message())
          .label(e.message().startsWith("the value ends") ? "incomplete expression" : "unexpected here")
          .help("expressions are written ${...}, e.g. ${record:value('/field')} or ${str:trim(NAME)}");
      if (def.evaluation() == Evaluation.IMPLICIT) {
        b.engineCode("CREATION_005", def.name());
      } else {
        b.note("the engine finds this only when the stage starts; the compiler refuses it before");
        Optional.ofNullable(instance).map(stageNames::get)
            .ifPresent(stage -> StartCodes.of(stage, service, def.name()).forEach(c -> b.engineCode(c.code(), c.config())));
      }
      out.add(b.build());
      reported.add(key(instance, service, def.name()));
      return;
    }
    ParsedExpression expression = parsed.expression().orElseThrow();
    if (def.evaluation() == Evaluation.IMPLICIT) {
      return; // evaluated on save by the platform's rules, names included
    }
    if (def.model().map(m -> m.isFieldSelector() || m.isMultiFieldSelector()).orElse(false)) {
      return; // a field path expression has the field functions (`f:type()`) of its own
    }
    functions(instance, service, def, scope, expression, at, what);
    names(scope, expression, at, what);
  }

  private void functions(@Nullable String instance, @Nullable String service, ConfigDefinition def, ElScope scope, ParsedExpression expression,
      Span at, String what) {
    Set<String> seen = new LinkedHashSet<>();
    for (ParsedExpression.FunctionCall call : expression.functions()) {
      if (!seen.add(call.name() + "/" + call.arguments())) {
        continue;
      }
      if (scope.known() && !scope.functions().contains(call.name())) {
        Diagnostic.Builder b = Diagnostic.of(Code.INVALID_EXPRESSION, at,
                what + " calls `" + call.name() + "`, which is not a function it may use")
            .label("unknown function");
        Suggestions.didYouMean(call.name(), scope.functions()).ifPresentOrElse(b::help,
            () -> b.help("`flow catalog <label>` lists the functions of each configuration"));
        long uses = expression.functions().stream().filter(c -> c.name().equals(call.name())).count();
        b.fixes(NameFixes.replaceEach(file, uses(at, expression.text(), call.name(), uses), call.name(),
            Suggestions.closest(call.name(), scope.functions(), 3)));
        out.add(b.build());
        reported.add(key(instance, service, def.name()));
        continue;
      }
      Optional<ElFunction> f = catalog.el().function(call.name());
      if (f.isPresent() && f.get().argumentTypes().size() != call.arguments()) {
        int n = f.get().argumentTypes().size();
        out.add(Diagnostic.of(Code.INVALID_EXPRESSION, at, what + " calls `" + call.name() + "` with " + call.arguments()
                + " argument" + (call.arguments() == 1 ? "" : "s") + ", but it takes " + n)
            .label("wrong number of arguments")
            .help("`" + call.name() + "(" + String.join(", ", f.get().argumentTypes()) + ")` returns " + f.get().returnType())
            .build());
        reported.add(key(instance, service, def.name()));
      }
    }
  }

  /** W0603: a name that is no parameter of the flow and no constant of the platform. */
  private void names(ElScope scope, ParsedExpression expression, Span at, String what) {
    Set<String> known = new LinkedHashSet<>(flow.parameters().keySet());
    catalog.el().constants().forEach(c -> known.add(c.name()));
    known.addAll(scope.constants());
    for (String name : new LinkedHashSet<>(expression.variables())) {
      if (known.contains(name)) {
        continue;
      }
      Diagnostic.Builder b = Diagnostic.of(Code.UNKNOWN_EXPRESSION_NAME, at,
              what + " uses `" + name + "`, which is not a parameter of the flow or a constant of the platform")
          .label("unknown name");
      Optional<String> hint = Suggestions.didYouMean(name, known);
      b.help(hint.orElse("define it under `flow: parameters:`, or check its spelling"));
      long uses = expression.variables().stream().filter(name::equals).count();
      b.fixes(NameFixes.replaceEach(file, uses(at, expression.text(), name, uses), name, Suggestions.closest(name, known, 3)));
      out.add(b.build());
    }
  }

  /**
   * Where a name is written inside a value the file holds as is (plain, or quoted without escapes):
   * every occurrence of it as a whole word, or none when their number is not the number of uses
   * the parser found (the name also appears in a string literal, or the value is escaped).
   */
  private List<Span> uses(Span value, String text, String name, long expected) {
    Optional<Integer> start = verbatimStart(value, text);
    if (start.isEmpty()) {
      return List.of();
    }
    List<Span> found = new ArrayList<>();
    for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      boolean wordStart = i == 0 || !isNameChar(text.charAt(i - 1));
      boolean wordEnd = i + name.length() >= text.length() || !isNameChar(text.charAt(i + name.length()));
      if (wordStart && wordEnd) {
        found.add(file.span(start.get() + i, start.get() + i + name.length()));
      }
    }
    return found.size() == expected ? found : List.of();
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':';
  }

  /** The offset at which the value's text starts in the file, when the file writes it as is. */
  private Optional<Integer> verbatimStart(Span value, String text) {
    String written = file.text().substring(value.start().offset(), Math.min(file.text().length(), value.end().offset()));
    int start = value.start().offset();
    if (written.length() >= 2 && ((written.startsWith("'") && written.endsWith("'")) || (written.startsWith("\"") && written.endsWith("\"")))) {
      written = written.substring(1, written.length() - 1);
      start++;
    }
    return written.equals(text) ? Optional.of(start) : Optional.empty();
  }

  /**
   * The place of a syntax error inside the value when the file writes it as is (plain, or quoted
   * without escapes), else the whole value.
   */
  private Span pointAt(Span value, String text, int offset) {
    if (offset < 0) {
      return value;
    }
    Optional<Integer> start = verbatimStart(value, text);
    if (start.isEmpty()) {
      return value;
    }
    int at = Math.min(start.get() + offset, value.end().offset());
    return file.span(at, Math.min(at + 1, value.end().offset()));
  }
}
