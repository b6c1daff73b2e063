package io.flowascode.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import io.flowascode.compiler.check.EngineDiagnostics;
import io.flowascode.compiler.check.ExpressionChecks;
import io.flowascode.compiler.check.FlowRules;
import io.flowascode.compiler.config.BoundConfig;
import io.flowascode.compiler.config.ConfigBinder;
import io.flowascode.compiler.config.ConfigTarget;
import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.emit.PipelineEmitter;
import io.flowascode.compiler.emit.SpecialStage;
import io.flowascode.compiler.graph.ConnectionResolver;
import io.flowascode.compiler.graph.Edge;
import io.flowascode.compiler.graph.FlowGraph;
import io.flowascode.compiler.graph.OutputPort;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.compiler.naming.InstanceNamer;
import io.flowascode.compiler.naming.LaneNamer;
import io.flowascode.compiler.resolve.StageResolver;
import io.flowascode.compiler.verify.PipelineIssue;
import io.flowascode.compiler.verify.PipelineVerifier;
import io.flowascode.compiler.verify.VerifierOptions;
import io.flowascode.compiler.schema.FlowSchemaValidator;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Severity;
import io.flowascode.model.ConnectionDecl;
import io.flowascode.model.FlowFile;
import io.flowascode.model.FlowHeader;
import io.flowascode.model.FlowReader;
import io.flowascode.model.Located;
import io.flowascode.model.ParameterDecl;
import io.flowascode.model.PredicateDecl;
import io.flowascode.model.SpecialStageDecl;
import io.flowascode.model.StageDecl;
import io.flowascode.source.SourceFile;
import io.flowascode.source.SourceLoader;
import io.flowascode.source.Span;
import io.flowascode.yaml.SourceTree;
import io.flowascode.yaml.YamlTreeReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles one flow file into the platform's pipeline JSON: read, validate against the schema,
 * resolve stages, bind configuration, name instances and lanes, check the platform's rules, emit.
 * Every problem becomes a diagnostic; nothing the input does makes it throw.
 */
public final class FlowCompiler {
  private static final String DISCARD = "com_streamsets_pipeline_stage_destination_devnull_ToErrorNullDTarget";

  private final Catalog catalog;
  private final CompilerOptions options;
  private final FlowSchemaValidator schema;

  public FlowCompiler(Catalog catalog, CompilerOptions options) {
    this(catalog, options, FlowSchemaValidator.bundled());
  }

  public FlowCompiler(Catalog catalog, CompilerOptions options, FlowSchemaValidator schema) {
    this.catalog = catalog;
    this.options = options;
    this.schema = schema;
  }

  public Catalog catalog() {
    return catalog;
  }

  public Compilation compile(Path path, String displayName) {
    Diagnostics out = new Diagnostics();
    Optional<SourceFile> file = new SourceLoader(options.limits().maxFileBytes()).load(path, displayName, out);
    if (file.isEmpty()) {
      return finish(displayName, Optional.empty(), Optional.empty(), Optional.empty(), out);
    }
    return compile(file.get(), out);
  }

  public Compilation compile(SourceFile file) {
    return compile(file, new Diagnostics());
  }

  private Compilation compile(SourceFile file, Diagnostics out) {
    try {
      return run(file, out);
    } catch (RuntimeException | StackOverflowError e) {
      out.add(Diagnostic.of(Code.INTERNAL_ERROR, Span.ofFile(file.name()),
              "the compiler failed on this file (" + e.getClass().getSimpleName() + ")")
          .help("please report this with the file; the flow was not compiled")
          .build());
      return finish(file.name(), Optional.of(file), Optional.empty(), Optional.empty(), out);
    }
  }

  private Compilation run(SourceFile file, Diagnostics out) {
    Optional<SourceTree> tree = new YamlTreeReader(options.limits()).read(file, out);
    if (tree.isEmpty()) {
      return finish(file.name(), Optional.of(file), Optional.empty(), Optional.empty(), out);
    }
    if (!tree.get().root().isObject()) {
      out.add(Diagnostic.of(Code.WRONG_TYPE, tree.get().map().valueSpan(""), "a flow file must be a mapping with `flow:` and `stages:`")
          .label("not a mapping")
          .help("start the file with `flow:` holding at least `id:`, then `stages:`")
          .build());
      return finish(file.name(), Optional.of(file), Optional.empty(), Optional.empty(), out);
    }
    schema.validate(tree.get(), out);
    FlowFile flow = FlowReader.read(tree.get(), out);
    CompiledFlow compiled = new Run(flow, out).compile();
    // Errors in config values leave the pipeline's shape as the file means it; others do not.
    boolean compilerErrors = out.sorted().stream()
        .anyMatch(d -> d.isError() && !d.code().id().startsWith("E04"));
    ExpressionChecks expressions = new ExpressionChecks(catalog, file, tree.get().map(), compiled, out);
    expressions.check();
    // The platform's rules judge the pipeline the flow becomes, as the engine will on save.
    ObjectNode emitted = new PipelineEmitter(catalog).emit(compiled);
    List<PipelineIssue> issues = PipelineVerifier.verify(emitted, catalog,
        new VerifierOptions(options.multipleOriginsAllowed()));
    new EngineDiagnostics(catalog, tree.get().map(), compiled, out)
        .report(issues, compilerErrors, expressions.reportedConfigs());
    boolean errors = out.hasErrors() || (options.strict() && !out.isEmpty());
    Optional<ObjectNode> pipeline = !errors || options.emitRejected() ? Optional.of(emitted) : Optional.empty();
    return finish(file.name(), Optional.of(file), Optional.of(compiled), pipeline, out);
  }

  private Compilation finish(String name, Optional<SourceFile> file, Optional<CompiledFlow> flow,
      Optional<ObjectNode> pipeline, Diagnostics out) {
    List<Diagnostic> list = out.sorted();
    if (options.strict()) {
      list = list.stream().map(d -> d.withSeverity(Severity.ERROR)).toList();
    }
    boolean withhold = list.stream().anyMatch(Diagnostic::isError) && !options.emitRejected();
    return new Compilation(name, file, withhold ? Optional.empty() : flow, withhold ? Optional.empty() : pipeline, list);
  }

  /** The state of compiling one file. */
  private final class Run {
    private final FlowFile flow;
    private final Diagnostics out;
    private final StageResolver resolver = new StageResolver(catalog);
    private final ConfigBinder binder;
    private final Map<StageDefinition, List<ConfigTarget>> targetsByDefinition = new IdentityHashMap<>();

    Run(FlowFile flow, Diagnostics out) {
      this.flow = flow;
      this.out = out;
      this.binder = new ConfigBinder(flow.source().map(), out).keepingRejected(options.emitRejected());
    }

    CompiledFlow compile() {
      FlowHeader header = flow.header();
      List<StageDecl> resolvedDecls = new ArrayList<>();
      List<StageDefinition> definitions = new ArrayList<>();
      Set<String> declaredIds = new LinkedHashSet<>();
      for (StageDecl decl : flow.stages()) {
        declaredIds.add(decl.idValue());
        Optional<StageDefinition> def = resolver.resolve(decl.ref(), StageResolver.Role.CANVAS, out);
        if (def.isPresent()) {
          resolvedDecls.add(decl);
          definitions.add(def.get());
        }
      }
      // Without a readable `stages:` mapping (reported by the schema) every connection and graph
      // rule would only repeat that one error.
      boolean stagesReadable = flow.source().root().path("stages").isObject();
      boolean complete = stagesReadable && resolvedDecls.size() == flow.stages().size();
      List<InstanceNamer.Request> requests = new ArrayList<>();
      for (int i = 0; i < resolvedDecls.size(); i++) {
        requests.add(new InstanceNamer.Request(definitions.get(i).label(), resolvedDecls.get(i).instanceName()));
      }
      List<String> names = InstanceNamer.assign(requests, out);
      List<String> uiLabels = InstanceNamer.uiLabels(definitions.stream().map(StageDefinition::label).toList());
      Map<String, StageNode> byId = new LinkedHashMap<>();
      for (int i = 0; i < resolvedDecls.size(); i++) {
        StageDecl decl = resolvedDecls.get(i);
        StageDefinition def = definitions.get(i);
        String owner = "stage `" + decl.idValue() + "` (" + def.label() + ")";
        BoundConfig config = binder.bind(decl.ref().config(), targets(def), owner, !def.inferred());
        List<OutputPort> outputs = outputs(decl, def, names.get(i), config);
        byId.put(decl.idValue(), new StageNode(decl, def, names.get(i), uiLabels.get(i), config, outputs));
        lint(decl, def);
      }
      List<ConnectionDecl> all = new ArrayList<>(flow.connections());
      all.addAll(flow.events());
      ConnectionResolver connections = new ConnectionResolver(byId, declaredIds, out);
      List<Edge> edges = stagesReadable ? connections.resolve(all) : List.of();
      // A connection item that could not be read names stages we cannot know.
      complete = complete && everyItemRead("connections", flow.connections()) && everyItemRead("events", flow.events());
      FlowGraph graph = new FlowGraph(List.copyOf(byId.values()), edges);
      Span flowSpan = flow.source().map().keySpan("/stages");
      new FlowRules(out, options.multipleOriginsAllowed())
          .check(graph, flowSpan, complete, connections.writtenInputs(), connections.writtenOutputs());

      BoundConfig settings = ConfigBinder.forSettings(flow.source().map(), out).keepingRejected(options.emitRejected())
          .bind(ownSettings(header.settings()), pipelineTargets(), "the pipeline");
      Map<String, JsonNode> parameters = new LinkedHashMap<>();
      for (ParameterDecl p : header.parameters()) {
        // An environment's value replaces the file's: the same flow, deployed with other values.
        parameters.put(p.name().value(), options.parameterValues().getOrDefault(p.name().value(), p.value()));
      }
      unusedParameters(header);
      SpecialStage error = header.errorRecords()
          .flatMap(d -> special(d, StageResolver.Role.ERROR, "the error stage"))
          .orElseGet(this::discard);
      Optional<SpecialStage> start = header.startEvent().flatMap(d -> special(d, StageResolver.Role.LIFECYCLE, "the start event stage"));
      Optional<SpecialStage> stop = header.stopEvent().flatMap(d -> special(d, StageResolver.Role.LIFECYCLE, "the stop event stage"));
      String id = header.id().value();
      String title = header.title().map(Located::value).orElse(id);
      return new CompiledFlow(id, header.id().span(), title, header.description().map(Located::value).orElse(""),
          header.labels().stream().map(Located::value).toList(), parameters, settings, graph, error, start, stop);
    }

    /** Whether each item of a connections section was read; the others were reported as written wrong. */
    private boolean everyItemRead(String section, List<ConnectionDecl> read) {
      JsonNode node = flow.source().root().path(section);
      return node.isMissingNode() || node.isArray() && node.size() == read.size();
    }

    private List<ConfigTarget> targets(StageDefinition def) {
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

    /**
     * Drops, with an error, the pipeline settings the language expresses elsewhere, so the flow
     * can never name one error stage in `settings` and emit another.
     */
    private List<io.flowascode.model.ConfigEntry> ownSettings(List<io.flowascode.model.ConfigEntry> entries) {
      Map<String, String> reserved = Map.of(
          "badRecordsHandling", "error_records: <label>",
          "startEventStage", "start_event: <label>",
          "stopEventStage", "stop_event: <label>",
          "constants", "parameters: {NAME: value}",
          "statsAggregatorStage", "");
      Map<String, String> byName = new LinkedHashMap<>();
      for (ConfigDefinition c : catalog.pipelineConfigs()) {
        if (reserved.containsKey(c.name()) && !reserved.get(c.name()).isEmpty()) {
          byName.put(c.name(), c.name());
          byName.put(c.attributeName(), c.name());
        }
      }
      List<io.flowascode.model.ConfigEntry> kept = new ArrayList<>();
      for (io.flowascode.model.ConfigEntry e : entries) {
        String raw = byName.get(e.key().value());
        if (raw == null) {
          kept.add(e);
          continue;
        }
        String instead = reserved.get(raw);
        out.add(Diagnostic.of(Code.SETTING_WRONG_VALUE, e.key().span(),
                "`" + e.key().value() + "` is not set under `settings`")
            .label("set through `" + instead.substring(0, instead.indexOf(':')) + "` instead")
            .help("write `" + instead + "` under `flow:`; the compiler then sets `" + raw + "` to match the stage it emits")
            .build());
      }
      return kept;
    }

    private List<ConfigTarget> pipelineTargets() {
      return catalog.pipelineConfigs().stream().map(c -> new ConfigTarget(Optional.empty(), c)).toList();
    }

    private List<OutputPort> outputs(StageDecl decl, StageDefinition def, String instance, BoundConfig config) {
      List<OutputPort> ports = new ArrayList<>();
      if (def.hasPredicates()) {
        Set<String> seen = new LinkedHashSet<>();
        for (PredicateDecl p : decl.predicates()) {
          String name = p.name().value();
          if (name.equals(OutputPort.DEFAULT)) {
            out.add(Diagnostic.of(Code.DEFAULT_PREDICATE_NAMED, p.name().span(), "`default` is the implicit last output")
                .label("reserved name")
                .help("remove this predicate; records no other predicate matches go to `" + decl.idValue() + "[default]`")
                .build());
            continue;
          }
          String expr = p.expression().value().trim();
          if (!expr.startsWith("${") || !expr.endsWith("}")) {
            out.add(Diagnostic.of(Code.MALFORMED_PREDICATE, p.expression().span(),
                    "the predicate `" + name + "` is not an expression")
                .label("must be written as ${...}")
                .help("write it as '${" + (expr.startsWith("$") ? expr.replaceAll("^\\$\\{?|}$", "") : expr) + "}'")
                .build());
          }
          seen.add(name);
          ports.add(new OutputPort(name, LaneNamer.outputLane(instance, name), Optional.of(p.expression().value())));
        }
        ports.add(new OutputPort(OutputPort.DEFAULT, LaneNamer.outputLane(instance, OutputPort.DEFAULT), Optional.empty()));
        // Predicates written with the wrong type were reported by the schema and left out.
        JsonNode written = flow.source().root().path("stages").path(decl.idValue()).path("predicates");
        boolean predicatesMistyped = !written.isMissingNode()
            && (!written.isObject() || written.size() != decl.predicates().size());
        if (ports.size() == 1 && !predicatesMistyped) {
          Span at = decl.predicatesSpan().orElse(decl.ref().label().map(Located::span).orElse(decl.id().span()));
          out.add(Diagnostic.of(Code.SELECTOR_ONLY_DEFAULT, at,
                  "`" + decl.idValue() + "` has no predicates, so every record goes to its default output")
              .label("only a default output")
              .help("add `predicates:` with at least one '${...}' condition, or remove the selector")
              .build());
        }
        return ports;
      }
      if (!decl.predicates().isEmpty() || decl.predicatesSpan().isPresent()) {
        out.add(Diagnostic.of(Code.NOT_A_SELECTOR, decl.predicatesSpan().orElse(decl.id().span()),
                "`" + decl.idValue() + "` (" + def.label() + ") has no predicates")
            .label("only a Stream Selector takes predicates")
            .help("use `label: Stream Selector` to route records by condition")
            .build());
      }
      if (def.type() == StageType.DESTINATION || def.type() == StageType.EXECUTOR) {
        return ports;
      }
      Optional<ConfigDefinition> laneConfig = def.laneConfig();
      if (laneConfig.isPresent()) {
        // One output per entry (e.g. per HTTP Router route), numbered from 1 in written order.
        JsonNode entries = config.values().get(new ConfigTarget(Optional.empty(), laneConfig.get()).key());
        // Unset, the UI starts such a stage with one entry of defaults, so it has one output.
        int count = entries != null && entries.isArray() ? entries.size() : 1;
        for (int i = 1; i <= count; i++) {
          ports.add(new OutputPort(String.valueOf(i), LaneNamer.outputLane(instance, String.valueOf(i)), Optional.empty()));
        }
        return ports;
      }
      int n = Math.max(1, def.fixedOutputs());
      if (n == 1) {
        ports.add(new OutputPort(OutputPort.SINGLE, LaneNamer.outputLane(instance, OutputPort.SINGLE), Optional.empty()));
      } else {
        for (int i = 1; i <= n; i++) {
          ports.add(new OutputPort(String.valueOf(i), LaneNamer.outputLane(instance, String.valueOf(i)), Optional.empty()));
        }
      }
      return ports;
    }

    private void lint(StageDecl decl, StageDefinition def) {
      if (def.library().contains("-dev-lib")) {
        out.add(Diagnostic.of(Code.DEV_STAGE, decl.ref().label().or(() -> decl.ref().name()).map(Located::span).orElse(decl.id().span()),
                "`" + def.label() + "` is a development stage")
            .label("for development and testing")
            .help("replace it with a production stage before running this flow for real")
            .build());
      }
    }

    private void unusedParameters(FlowHeader header) {
      if (header.parameters().isEmpty()) {
        return;
      }
      JsonNode root = flow.source().root();
      Set<String> used = new LinkedHashSet<>(ParameterUse.namesIn(root.path("stages")));
      used.addAll(ParameterUse.namesIn(root.path("flow").path("settings")));
      used.addAll(ParameterUse.namesIn(root.path("flow").path("error_records")));
      used.addAll(ParameterUse.namesIn(root.path("flow").path("start_event")));
      used.addAll(ParameterUse.namesIn(root.path("flow").path("stop_event")));
      for (ParameterDecl p : header.parameters()) {
        // A name that is not a valid name (reported by the schema) cannot be used in an expression.
        if (!used.contains(p.name().value()) && p.name().value().matches("[A-Za-z_][A-Za-z0-9_]*")) {
          out.add(Diagnostic.of(Code.UNUSED_PARAMETER, p.name().span(), "the parameter `" + p.name().value() + "` is never used")
              .label("unused")
              .help("use it as ${" + p.name().value() + "} in a configuration or predicate, or remove it")
              .build());
        }
      }
    }

    private Optional<SpecialStage> special(SpecialStageDecl decl, StageResolver.Role role, String owner) {
      return resolver.resolve(decl.ref(), role, out).map(def ->
          new SpecialStage(def, binder.bind(decl.ref().config(), targets(def), owner + " (" + def.label() + ")"),
              Optional.of(decl.ref().label().or(() -> decl.ref().name()).map(Located::span).orElse(decl.ref().span()))));
    }

    private SpecialStage discard() {
      StageDefinition def = catalog.byName(DISCARD).stream().findFirst().orElseGet(() -> StageDefinition.builder(
              "streamsets-datacollector-basic-lib", DISCARD, "1", StageType.DESTINATION)
          .libraryLabel("Basic").label("Discard").errorStage(true).pipelineLifecycleStage(true)
          .hideStage(List.of("ERROR_STAGE", "LIFECYCLE_STAGE")).build());
      return new SpecialStage(def, BoundConfig.empty());
    }
  }
}
