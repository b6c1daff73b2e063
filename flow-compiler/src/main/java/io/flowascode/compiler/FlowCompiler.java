package io.flowascode.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.compiler.catalog.DefinitionsFiles;
import io.flowascode.compiler.catalog.SidecarDefinitions;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import io.flowascode.compiler.check.EngineDiagnostics;
import io.flowascode.compiler.check.ExpressionChecks;
import io.flowascode.compiler.check.FlowLints;
import io.flowascode.compiler.check.FlowRules;
import io.flowascode.compiler.config.BoundConfig;
import io.flowascode.compiler.config.ConfigBinder;
import io.flowascode.compiler.config.ConfigTargets;
import io.flowascode.compiler.config.PipelineSettings;
import io.flowascode.compiler.config.RawSettings;
import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.emit.Pipeline;
import io.flowascode.compiler.emit.PipelineCompletion;
import io.flowascode.compiler.emit.PipelineEmitter;
import io.flowascode.compiler.emit.PipelineTrees;
import io.flowascode.compiler.emit.SpecialStage;
import io.flowascode.compiler.fragment.CompiledFragment;
import io.flowascode.compiler.fragment.FragmentAssembly;
import io.flowascode.compiler.fragment.FragmentBody;
import io.flowascode.compiler.fragment.FragmentInstance;
import io.flowascode.compiler.fragment.FragmentIssues;
import io.flowascode.compiler.fragment.FragmentLibrary;
import io.flowascode.compiler.fragment.FragmentUses;
import io.flowascode.compiler.graph.ConnectionResolver;
import io.flowascode.compiler.graph.Edge;
import io.flowascode.compiler.graph.FlowGraph;
import io.flowascode.compiler.graph.OutputPort;
import io.flowascode.compiler.graph.OutputPorts;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.compiler.naming.InstanceNamer;
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
import io.flowascode.model.FragmentReader;
import io.flowascode.model.FragmentUseDecl;
import io.flowascode.model.Located;
import io.flowascode.model.ParameterDecl;
import io.flowascode.model.SpecialStageDecl;
import io.flowascode.model.StageDecl;
import io.flowascode.source.SourceFile;
import io.flowascode.source.SourceLoader;
import io.flowascode.source.Span;
import io.flowascode.yaml.SourceTree;
import io.flowascode.yaml.YamlTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compiles one flow file into the platform's pipeline JSON: read, validate against the schema,
 * resolve stages, bind configuration, name instances and lanes, check the platform's rules, emit.
 * Every problem becomes a diagnostic; nothing the input does makes it throw.
 */
public final class FlowCompiler {
  private static final String DISCARD = PlatformNames.DISCARD_STAGE;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Catalog catalog;
  private final CompilerOptions options;
  private final FlowSchemaValidator schema;
  /** The fragment files the flows use, each compiled once. */
  private final FragmentLibrary fragments = new FragmentLibrary((path, name) -> compile(path, name, true));

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

  /**
   * Compiles a flow file, or a fragment file; the fragment files a flow uses are found relative
   * to it, and definitions in a file of the flow's name beside it extend the catalog.
   */
  public Compilation compile(Path path, String displayName) {
    return compile(path, displayName, false);
  }

  /** @param onlyFragment stop, with nothing reported, when the file turns out not to be a fragment */
  private Compilation compile(Path path, String displayName, boolean onlyFragment) {
    Diagnostics out = new Diagnostics();
    Optional<SourceFile> file = new SourceLoader(options.limits().maxFileBytes()).load(path, displayName, out);
    if (file.isEmpty()) {
      return finish(displayName, Optional.empty(), Optional.empty(), Optional.empty(), out);
    }
    Path sidecar = SidecarDefinitions.of(path);
    if (!Files.isRegularFile(sidecar)) {
      return compile(file.get(), Optional.of(path), onlyFragment, out);
    }
    String sidecarName = SidecarDefinitions.nameFor(displayName);
    try {
      return new FlowCompiler(catalog.overlay(DefinitionsFiles.read(sidecar)), options, schema).compile(file.get(), Optional.of(path), onlyFragment, out);
    } catch (DefinitionsException e) {
      out.add(Diagnostic.of(Code.DEFINITIONS_UNREADABLE, Span.ofFile(sidecarName),
              "the definitions beside this flow cannot be read: " + e.getMessage())
          .label("definitions file")
          .help("fix or delete " + sidecarName + "; a flow compiles with the definitions file of its own name")
          .build());
      return finish(file.get().name(), Optional.of(file.get()), Optional.empty(), Optional.empty(), out);
    }
  }

  /** Compiles text not read from a file; fragment files it uses are found relative to the working directory. */
  public Compilation compile(SourceFile file) {
    return compile(file, Optional.empty(), false, new Diagnostics());
  }

  private Compilation compile(SourceFile file, Optional<Path> location, boolean onlyFragment, Diagnostics out) {
    try {
      return run(file, location, onlyFragment, out);
    } catch (RuntimeException | StackOverflowError e) {
      Optional<Path> report = CrashReport.write(options.crashReportDirectory(), file.name(), e);
      out.add(Diagnostic.of(Code.INTERNAL_ERROR, Span.ofFile(file.name()),
              "the compiler failed on this file (" + e.getClass().getSimpleName() + ")")
          .help("please report this with the file and " + report.map(p -> "the stack trace written to " + p)
              .orElse("this message (the stack trace could not be written to " + options.crashReportDirectory() + ")"))
          .note("the flow was not compiled")
          .build());
      return finish(file.name(), Optional.of(file), Optional.empty(), Optional.empty(), out);
    }
  }

  private Compilation run(SourceFile file, Optional<Path> location, boolean onlyFragment, Diagnostics out) {
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
    boolean fragmentFile = FragmentReader.isFragmentFile(tree.get());
    if (onlyFragment && !fragmentFile) {
      return new Compilation(file.name(), Optional.of(file), Optional.empty(), Optional.empty(), List.of(), catalog);
    }
    schema.validate(tree.get(), out);
    FlowFile flow = FlowReader.read(tree.get(), out);
    FragmentUses uses = new FragmentUses(catalog, fragments, location, file, out);
    Assembly assembly = new Assembly(flow, uses, fragmentFile, out);
    CompiledFlow compiled = assembly.compile();
    // Errors in config values leave the pipeline's shape as the file means it; others do not.
    boolean compilerErrors = out.sorted().stream()
        .anyMatch(d -> d.isError() && !d.code().id().startsWith("E04"));
    ExpressionChecks expressions = new ExpressionChecks(catalog, file, tree.get().map(), compiled, out);
    expressions.check();
    // The platform's rules judge the pipeline the flow becomes, as the engine will on save.
    ObjectNode emitted = new PipelineEmitter(catalog).emit(compiled);
    VerifierOptions verifier = new VerifierOptions(options.multipleOriginsAllowed());
    if (fragmentFile) {
      FragmentBody body = assembly.body();
      ObjectNode json = body.json(emitted);
      List<PipelineIssue> issues = PipelineVerifier.verify(json, catalog, verifier.forFragment());
      new EngineDiagnostics(catalog, tree.get().map(), compiled, out)
          .report(issues, compilerErrors, expressions.reportedConfigs());
      boolean errors = out.hasErrors() || (options.strict() && !out.isEmpty());
      return finish(file.name(), Optional.of(file), Optional.of(compiled), Optional.of(PipelineTrees.of(json)), out,
          errors && !options.emitRejected() ? Optional.empty()
              : Optional.of(body.compiled(file, tree.get().map(), compiled, json, issues)), List.of());
    }
    List<PipelineIssue> issues = PipelineVerifier.verify(emitted, catalog, verifier);
    issues = new FragmentIssues(catalog, assembly.instances()).report(issues, compilerErrors, out);
    new EngineDiagnostics(catalog, tree.get().map(), compiled, out)
        .report(issues, compilerErrors, expressions.reportedConfigs());
    boolean errors = out.hasErrors() || (options.strict() && !out.isEmpty());
    Optional<Pipeline> pipeline = !errors || options.emitRejected() ? Optional.of(PipelineTrees.of(emitted)) : Optional.empty();
    return finish(file.name(), Optional.of(file), Optional.of(compiled), pipeline, out, Optional.empty(), uses.sources());
  }

  private Compilation finish(String name, Optional<SourceFile> file, Optional<CompiledFlow> flow,
      Optional<Pipeline> pipeline, Diagnostics out) {
    return finish(name, file, flow, pipeline, out, Optional.empty(), List.of());
  }

  private Compilation finish(String name, Optional<SourceFile> file, Optional<CompiledFlow> flow,
      Optional<Pipeline> pipeline, Diagnostics out, Optional<CompiledFragment> fragment,
      List<SourceFile> fragmentSources) {
    List<Diagnostic> list = out.sorted();
    if (options.strict()) {
      list = list.stream().map(d -> d.withSeverity(Severity.ERROR)).toList();
    }
    boolean withhold = list.stream().anyMatch(Diagnostic::isError) && !options.emitRejected();
    return new Compilation(name, file, withhold ? Optional.empty() : flow, withhold ? Optional.empty() : pipeline, list,
        catalog, withhold ? Optional.empty() : fragment, fragmentSources);
  }

  /**
   * The assembly of one file's flow from its parts: stages resolved and configured, named,
   * connected into a graph, special stages and settings; each part's work lives in its package.
   */
  private final class Assembly {
    private final FlowFile flow;
    private final FragmentUses uses;
    private final boolean fragmentFile;
    private List<FragmentInstance> instances = List.of();
    private @Nullable FragmentBody body;
    private final Diagnostics out;
    private final StageResolver resolver;
    private final ConfigBinder binder;
    private final ConfigTargets targets;

    Assembly(FlowFile flow, FragmentUses uses, boolean fragmentFile, Diagnostics out) {
      this.flow = flow;
      this.uses = uses;
      this.fragmentFile = fragmentFile;
      this.out = out;
      this.resolver = new StageResolver(catalog, flow.source().file());
      this.targets = new ConfigTargets(catalog);
      this.binder = new ConfigBinder(flow.source().map(), out).keepingRejected(options.emitRejected());
    }

    /** The uses of fragments this flow resolved. */
    List<FragmentInstance> instances() {
      return instances;
    }

    /** The fragment this fragment file declares; set by {@link #compile()} of a fragment file. */
    FragmentBody body() {
      return Objects.requireNonNull(body, "compile() of a fragment file sets the body");
    }

    CompiledFlow compile() {
      FlowHeader header = flow.header();
      List<StageDecl> resolvedDecls = new ArrayList<>();
      List<StageDefinition> definitions = new ArrayList<>();
      Set<String> declaredIds = new LinkedHashSet<>();
      Map<String, FragmentUseDecl> useDecls = FragmentReader.uses(flow.source());
      Map<String, StageDecl> declsById = new LinkedHashMap<>();
      for (StageDecl decl : flow.stages()) {
        declaredIds.add(decl.idValue());
        declsById.putIfAbsent(decl.idValue(), decl);
        if (useDecls.containsKey(decl.idValue())) {
          continue; // a fragment, resolved below
        }
        Optional<StageDefinition> def = resolver.resolve(decl.ref(), StageResolver.Role.CANVAS, out);
        if (def.isPresent()) {
          resolvedDecls.add(decl);
          definitions.add(def.get());
        }
      }
      // Without a readable `stages:` mapping (reported by the schema) every connection and graph
      // rule would only repeat that one error.
      boolean stagesReadable = flow.source().root().path("stages").isObject();
      if (fragmentFile) {
        useDecls.values().forEach(uses::refuseNested);
      } else {
        instances = uses.resolve(useDecls, declsById, header.parameters());
      }
      Map<String, StageNode> placeholders = new LinkedHashMap<>();
      instances.forEach(i -> placeholders.put(i.use().id().value(), i.placeholder()));
      boolean complete = stagesReadable && resolvedDecls.size() + placeholders.size() == flow.stages().size();
      List<InstanceNamer.Request> requests = new ArrayList<>();
      for (int i = 0; i < resolvedDecls.size(); i++) {
        requests.add(new InstanceNamer.Request(definitions.get(i).label(), resolvedDecls.get(i).instanceName()));
      }
      List<String> names = InstanceNamer.assign(requests, out);
      List<String> counted = InstanceNamer.uiLabels(definitions.stream().map(StageDefinition::label).toList());
      Map<String, StageNode> byId = new LinkedHashMap<>();
      int i = 0;
      for (StageDecl d : flow.stages()) {
        StageNode placeholder = placeholders.get(d.idValue());
        if (placeholder != null) {
          byId.putIfAbsent(d.idValue(), placeholder);
          continue;
        }
        if (i >= resolvedDecls.size() || resolvedDecls.get(i) != d) {
          continue; // did not resolve (reported)
        }
        StageDecl decl = resolvedDecls.get(i);
        StageDefinition def = definitions.get(i);
        String owner = "stage `" + decl.idValue() + "` (" + def.label() + ")";
        BoundConfig config = binder.bind(decl.ref().config(), targets.of(def), owner, !def.inferred());
        List<OutputPort> outputs = OutputPorts.of(decl, def, names.get(i), config, flow.source().root(), out);
        String uiLabel = decl.title().map(Located::value)
            .orElse(InstanceNamer.defaultUiLabel(def.label(), names.get(i), counted.get(i)));
        byId.put(decl.idValue(), new StageNode(decl, def, names.get(i), uiLabel, config, outputs));
        FlowLints.devStage(decl, def, out);
        i++;
      }
      List<ConnectionDecl> all = new ArrayList<>(flow.connections());
      all.addAll(flow.events());
      FragmentBody fragment = null;
      if (fragmentFile) {
        fragment = new FragmentBody(header, FragmentReader.ports(flow.source()), byId, out);
        body = fragment;
        complete = fragment.checkShape() && complete;
        fragment.standIns().forEach(n -> {
          byId.put(n.id(), n);
          declaredIds.add(n.id());
        });
        all.addAll(fragment.connections());
      }
      ConnectionResolver connections = new ConnectionResolver(byId, declaredIds, flow.source().file(), out);
      List<Edge> edges = stagesReadable ? connections.resolve(all) : List.of();
      // A connection item that could not be read names stages we cannot know.
      complete = complete && everyItemRead("connections", flow.connections()) && everyItemRead("events", flow.events());
      FlowGraph graph = new FlowGraph(List.copyOf(byId.values()), edges);
      if (fragment != null) {
        fragment.checkPorts(graph);
      }
      Span flowSpan = flow.source().map().keySpan("/stages");
      new FlowRules(out, options.multipleOriginsAllowed())
          .check(graph, flowSpan, complete, connections.writtenInputs(), connections.writtenOutputs());

      Optional<SpecialStage> testOrigin = header.testOrigin()
          .flatMap(d -> special(d, StageResolver.Role.TEST_ORIGIN, "the test origin"));
      Optional<SpecialStage> stats = header.statsAggregator()
          .flatMap(d -> special(d, StageResolver.Role.STATS, "the statistics aggregator"));
      BoundConfig settings = PipelineSettings.bind(flow.source().map(), header, catalog, options.emitRejected(), out);
      if (fragment != null) {
        fragment.checkSettings(settings);
      }
      Map<String, JsonNode> rawSettings = RawSettings.read(header, settings, flow.source().map(), out);
      Map<String, JsonNode> parameters = new LinkedHashMap<>();
      for (ParameterDecl p : header.parameters()) {
        // An environment's value replaces the file's: the same flow, deployed with other values.
        parameters.put(p.name().value(), options.parameterValues().getOrDefault(p.name().value(), p.value()));
      }
      FlowLints.unusedParameters(flow, out);
      SpecialStage error = header.errorRecords()
          .flatMap(d -> special(d, StageResolver.Role.ERROR, "the error stage"))
          .orElseGet(this::discard);
      Optional<SpecialStage> start = header.startEvent().flatMap(d -> special(d, StageResolver.Role.LIFECYCLE, "the start event stage"));
      Optional<SpecialStage> stop = header.stopEvent().flatMap(d -> special(d, StageResolver.Role.LIFECYCLE, "the stop event stage"));
      String id = header.id().value();
      String title = header.title().map(Located::value).orElse(id);
      return new CompiledFlow(id, header.id().span(), title, header.description().map(Located::value).orElse(""),
          header.labels().stream().map(Located::value).toList(), parameters, settings, rawSettings, graph, error, start,
          stop, testOrigin, stats, header.ui().orElseGet(JSON::objectNode), header.metadata().orElseGet(JSON::objectNode),
          fragmentCompletion(instances));
    }

    private PipelineCompletion fragmentCompletion(List<FragmentInstance> uses) {
      return uses.isEmpty() ? PipelineCompletion.NONE : pipeline -> FragmentAssembly.complete(pipeline, uses);
    }

    /** Whether each item of a connections section was read; the others were reported as written wrong. */
    private boolean everyItemRead(String section, List<ConnectionDecl> read) {
      JsonNode node = flow.source().root().path(section);
      return node.isMissingNode() || (node.isArray() && node.size() == read.size());
    }

    private Optional<SpecialStage> special(SpecialStageDecl decl, StageResolver.Role role, String owner) {
      return resolver.resolve(decl.ref(), role, out).map(def ->
          new SpecialStage(def, binder.bind(decl.ref().config(), targets.of(def), owner + " (" + def.label() + ")"),
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
