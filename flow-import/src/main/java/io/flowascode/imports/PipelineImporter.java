package io.flowascode.imports;

import io.flowascode.compiler.PlatformNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.compiler.catalog.PlatformDefinitionsReader;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.config.ConfigTarget;
import io.flowascode.compiler.naming.InstanceNamer;
import io.flowascode.compiler.resolve.StageResolver.Role;
import io.flowascode.compiler.secrets.SecretsFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a pipeline (a bare pipelineConfig or an export envelope, as a JSON tree from a file or a
 * remote) into a flow file a person would have written: stages by label with only the
 * configuration that differs from the defaults, under readable names; Stream Selector predicates
 * named; connections folded into chains and fan-outs. It is the inverse of the compiler: the flow
 * compiles back to the same pipeline (see {@code docs/import.md} for what the language cannot
 * hold), and importing that compiled pipeline again gives the same text.
 */
public final class PipelineImporter {
  /** The label apply puts on flows this tool owns; see io.flowascode.engine.apply.ManagedMarker. */
  static final String MANAGED_MARKER = PlatformNames.MANAGED_LABEL;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String DISCARD = PlatformNames.DISCARD_STAGE;
  private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9_-]");
  private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** Pipeline configs the flow holds elsewhere: parameters, error records, lifecycle stages. */
  static final Set<String> NOT_SETTINGS = Set.of("constants", "badRecordsHandling", "startEventStage", "stopEventStage");
  /** Metadata this tool writes itself on apply (ownership, stage identities), never into a flow file. */
  static final Set<String> OWN_METADATA = Set.of("managedBy", "flowStageIds");
  /** The settings a fragment has of its own (`PipelineFragmentConfigBean`). */
  private static final Set<String> FRAGMENT_SETTINGS = Set.of("executionMode", "testOriginStage");

  private final Catalog catalog;
  /** The fragment files of this importer's pipelines and fragment exports, one per distinct fragment. */
  private final FragmentFileNames fragmentFiles = new FragmentFileNames();

  /**
   * @param catalog the definitions the flow will be compiled with: the bundled catalog, overlaid
   *     with the user's own definitions if any
   */
  public PipelineImporter(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * One pipeline as a flow file, or why it cannot be one.
   *
   * @param document a pipelineConfig or an export envelope
   * @param source where it came from (a file name, a zip entry); names the flow when the pipeline
   *     has no id
   */
  public ImportResult importPipeline(JsonNode document, String source) {
    PipelineDocument doc;
    try {
      if (document != null && document.isObject() && (document.has("pipelineFragmentConfig") || document.has("fragmentId"))) {
        return importFragment(document, source);
      }
      doc = PipelineDocument.read(document);
    } catch (ImportRefusal refusal) {
      return new ImportResult.Refused(source, refusal.getMessage());
    }
    return new ImportResult.Imported(source, new OnePipeline(doc, source, Optional.empty()).flow());
  }

  /** A fragment export (or a bare fragment) as a fragment file. */
  private ImportResult importFragment(JsonNode document, String source) throws ImportRefusal {
    boolean envelope = document.has("pipelineFragmentConfig");
    JsonNode fragment = envelope ? document.get("pipelineFragmentConfig") : document;
    PipelineDocument doc = PipelineDocument.ofFragment(fragment,
        Optional.ofNullable(document.get("pipelineRules")).filter(n -> !n.isNull()),
        envelope ? Optional.ofNullable(document.get("libraryDefinitions")).filter(n -> !n.isNull()) : Optional.empty());
    FragmentImports.Ports ports = FragmentImports.portsOfExport(fragment);
    ImportedFlow body = new OnePipeline(doc, source, Optional.of(new FragmentSpec(ports, Optional.empty()))).flow();
    String title = fragment.path("title").asText("").isBlank() ? body.id() : fragment.path("title").asText().strip();
    String path = fragmentFiles.path(title, body.yaml());
    return new ImportResult.Imported(source, new ImportedFlow(body.id(), body.yaml(), body.definitions(), body.notes(),
        path, Map.of(), body.secrets()));
  }

  /**
   * Imports a fragment's stages as a fragment file rather than a flow: its ports, and the
   * definitions of the pipeline that uses it, when it is imported from a pipeline's copy.
   */
  private record FragmentSpec(FragmentImports.Ports ports, Optional<PipelineDefinitions> shared) {}

  /** The import of one pipeline. */
  private final class OnePipeline {
    private final PipelineDocument doc;
    private final String source;
    private final Optional<FragmentSpec> fragment;
    private final List<ImportNote> notes = new ArrayList<>();
    private String id;
    private PipelineDefinitions definitions;
    private Catalog compile;
    private FragmentImports uses;
    /** Each use's fragment file and output names, by placeholder stage. */
    private final Map<JsonNode, FragmentFile> usedFiles = new LinkedHashMap<>();
    /** A fragment's outputs' names, once written. */
    private List<String> outputNames = List.of();
    private SecretExtraction secrets;

    OnePipeline(PipelineDocument doc, String source, Optional<FragmentSpec> fragment) {
      this.doc = doc;
      this.source = source;
      this.fragment = fragment;
    }

    ImportedFlow flow() {
      id = flowId();
      secrets = new SecretExtraction(id);
      if (doc.schemaVersion() < PipelineDocument.SCHEMA_VERSION) {
        notes.add(ImportNote.note("the pipeline is in schema version " + doc.schemaVersion()
            + "; it was read as schema version 6, as the platform upgrades it (missing lane and service lists)"));
      }
      Catalog export = new Catalog(List.of(), List.of(), List.of());
      if (doc.libraryDefinitions().isPresent()) {
        try {
          export = PlatformDefinitionsReader.read(doc.libraryDefinitions().get());
        } catch (DefinitionsException e) {
          notes.add(ImportNote.warning("the export's library definitions cannot be read (" + e.getMessage()
              + "); the catalog is used instead"));
        }
      }
      uses = fragment.isPresent() ? FragmentImports.of(doc, new ArrayList<>()) : FragmentImports.of(doc, notes);
      String definitionsFile = fragment.isPresent()
          ? FragmentFileNames.DIRECTORY + FragmentFileNames.slug(doc.pipeline().path("title").asText(id)) + ".definitions.json"
          : id + ".definitions.json";
      Catalog exported = export;
      definitions = fragment.flatMap(FragmentSpec::shared)
          .orElseGet(() -> PipelineDefinitions.plan(catalog, exported, uses.planning(doc), definitionsFile, notes));
      compile = definitions.compileCatalog();
      for (FragmentImports.Use use : uses.all()) {
        usedFiles.put(use.placeholder(), fragmentFile(use));
      }

      ObjectNode root = JSON.objectNode();
      ObjectNode flow = root.putObject(fragment.isPresent() ? "fragment" : "flow");
      ObjectNode stagesNode = JSON.objectNode();
      StageWriting stages = new StageWriting(doc.stages());
      header(flow);
      fragment.ifPresent(f -> outputNames = FragmentPortLines.write(root, f.ports(), stages::stageId, stages::portRef));
      stages.write(stagesNode);
      root.set("stages", stagesNode);
      List<String> connections = stages.connections();
      if (!connections.isEmpty()) {
        ArrayNode list = root.putArray("connections");
        connections.forEach(list::add);
      }
      List<String> events = stages.events();
      if (!events.isEmpty()) {
        ArrayNode list = root.putArray("events");
        events.forEach(list::add);
      }
      droppedParts();
      Map<String, String> files = new LinkedHashMap<>();
      usedFiles.values().forEach(f -> files.put(f.path(), f.yaml()));
      // A fragment imported from a pipeline's copy shares the pipeline's definitions file.
      Optional<String> definitionsText = fragment.flatMap(FragmentSpec::shared).isPresent()
          ? Optional.empty() : definitions.definitionsFile();
      if (!secrets.secrets().isEmpty()) {
        List<ImportedSecret> moved = secrets.secrets();
        notes.add(ImportNote.note(moved.size() + (moved.size() == 1 ? " credential is" : " credentials are")
            + " kept out of the flow file, the values going to " + SecretsFile.NAME + " beside it: "
            + String.join(", ", moved.stream().map(ImportedSecret::toString).toList())));
      }
      // The credentials of the fragments it uses go to the same secrets file.
      List<ImportedSecret> allSecrets = new ArrayList<>(secrets.secrets());
      usedFiles.values().forEach(f -> allSecrets.addAll(f.secrets()));
      return new ImportedFlow(id, FlowYamlWriter.write(root), definitionsText, notes, id + ".flow.yaml", files,
          allSecrets);
    }

    /** The placeholder stage of a kind of fragment, as the compiler makes it. */
    private StageDefinition placeholder(io.flowascode.compiler.fragment.FragmentKind kind) {
      return compile.find(io.flowascode.compiler.fragment.FragmentKind.LIBRARY, kind.stageName(),
              io.flowascode.compiler.fragment.FragmentKind.VERSION)
          .orElseGet(() -> StageDefinition.builder(io.flowascode.compiler.fragment.FragmentKind.LIBRARY, kind.stageName(),
              io.flowascode.compiler.fragment.FragmentKind.VERSION, kind.type()).build());
    }

    /** The file of the fragment a use was made from, imported with this pipeline's definitions. */
    private FragmentFile fragmentFile(FragmentImports.Use use) {
      PipelineDocument body;
      try {
        body = PipelineDocument.ofFragment(use.fragment(), Optional.empty(), Optional.empty());
      } catch (ImportRefusal e) {
        throw new IllegalStateException(e); // a copy the engine resolved has its stages
      }
      String lanePrefix = use.instanceId() + "_";
      List<String> lanes = use.outputLanes().stream()
          .map(l -> l.startsWith(lanePrefix) ? l.substring(lanePrefix.length()) : l).toList();
      FragmentImports.Ports ports = new FragmentImports.Ports(use.kind(), use.entryStage(), lanes);
      OnePipeline run = new OnePipeline(body, source, Optional.of(new FragmentSpec(ports, Optional.of(definitions))));
      ImportedFlow imported = run.flow();
      imported.notes().forEach(n -> notes.add(new ImportNote(n.level(), "fragment `" + use.title() + "`: " + n.message())));
      String path = fragmentFiles.path(use.title(), imported.yaml());
      return new FragmentFile(path, imported.yaml(), run.outputNames, imported.secrets());
    }

    private String flowId() {
      String original = doc.pipeline().path("pipelineId").asText("");
      String base = original.isEmpty() ? doc.pipeline().path("title").asText("") : original;
      if (base.isEmpty()) {
        base = source.replaceAll(".*[/\\\\]", "").replaceAll("\\.[A-Za-z]+$", "");
      }
      String sanitized = NOT_ID.matcher(base).replaceAll("_");
      if (sanitized.isEmpty()) {
        sanitized = "imported";
      }
      if (original.isEmpty()) {
        notes.add(ImportNote.note("the pipeline has no id; the flow's id is `" + sanitized + "`"));
      } else if (!sanitized.equals(original)) {
        notes.add(ImportNote.warning("the pipeline id `" + original + "` has characters a flow id cannot hold; the flow's id is `"
            + sanitized + "`, so applying it creates or updates the pipeline `" + sanitized + "`"));
      }
      return sanitized;
    }

    // ---------------------------------------------------------------- header

    private void header(ObjectNode flow) {
      JsonNode p = doc.pipeline();
      flow.put("id", id);
      if (fragment.isPresent()) {
        fragmentHeader(flow, p);
        return;
      }
      String title = p.path("title").asText("");
      if (title.isEmpty()) {
        notes.add(ImportNote.note("the pipeline has no title; the flow's title defaults to its id"));
      } else if (!title.equals(id)) {
        flow.put("title", title);
      }
      String description = p.path("description").asText("");
      if (!description.isEmpty()) {
        flow.put("description", description);
      }
      List<String> labels = new ArrayList<>();
      for (JsonNode l : p.path("metadata").path("labels")) {
        // The engine's ownership marker (ManagedMarker) is added back on apply, never written by users.
        if (!MANAGED_MARKER.equals(l.asText())) {
          labels.add(l.asText());
        }
      }
      if (!labels.isEmpty()) {
        ArrayNode list = flow.putArray("labels");
        labels.forEach(list::add);
      }
      Map<String, JsonNode> configuration = PipelineDefinitions.configMap(p);
      parameters(flow, configuration);
      Optional<JsonNode> testOrigin = doc.testOriginStage().flatMap(s -> special(s, Role.TEST_ORIGIN));
      Optional<JsonNode> stats = doc.statsAggregatorStage().flatMap(s -> statsAggregator(s, configuration));
      // A declared test origin or statistics stage sets its own setting.
      Set<String> declared = new LinkedHashSet<>();
      testOrigin.ifPresent(t -> declared.add("testOriginStage"));
      stats.ifPresent(t -> declared.add("statsAggregatorStage"));
      settings(flow, configuration, declared);
      doc.errorStage().ifPresent(s -> special(s, Role.ERROR).ifPresent(n -> flow.set("error_records", n)));
      doc.startEventStage().ifPresent(s -> special(s, Role.LIFECYCLE).ifPresent(n -> flow.set("start_event", n)));
      doc.stopEventStage().ifPresent(s -> special(s, Role.LIFECYCLE).ifPresent(n -> flow.set("stop_event", n)));
      testOrigin.ifPresent(n -> flow.set("test_origin", n));
      stats.ifPresent(n -> flow.set("stats_aggregator", n));
      UiState.pipeline(p.path("uiInfo"), notes).ifPresent(ui -> flow.set("ui", ui));
      metadata(flow, p.path("metadata"));
    }

    /** Metadata other than labels (Control Hub's `dpm.*`, ...) verbatim; this tool's own marks are added on apply. */
    private void metadata(ObjectNode flow, JsonNode metadata) {
      ObjectNode kept = JSON.objectNode();
      metadata.properties().forEach(e -> {
        if (!e.getKey().equals("labels") && !OWN_METADATA.contains(e.getKey())) {
          kept.set(e.getKey(), e.getValue());
        }
      });
      if (!kept.isEmpty()) {
        flow.set("metadata", kept);
      }
    }

    /**
     * The statistics aggregator, written only when the compiler would not make the same stage from
     * the `statistics_aggregator` setting alone (its own configs set, or a stage the setting does
     * not name).
     */
    private Optional<JsonNode> statsAggregator(JsonNode stage, Map<String, JsonNode> configuration) {
      Optional<JsonNode> written = special(stage, Role.STATS);
      if (written.isEmpty()) {
        return written;
      }
      String setting = configuration.containsKey("statsAggregatorStage") ? configuration.get("statsAggregatorStage").asText("")
          : compile.pipelineConfigs().stream().filter(c -> c.name().equals("statsAggregatorStage")).findFirst()
              .map(c -> c.defaultValue() == null ? "" : c.defaultValue().asText("")).orElse("");
      boolean chosenBySetting = setting.equals(stage.path("library").asText() + "::" + stage.path("stageName").asText()
          + "::" + PipelineDocument.stageVersion(stage));
      return chosenBySetting && written.get().isTextual() ? Optional.empty() : written;
    }

    /** A fragment's header: its identity, parameters and its own two settings, nothing a flow adds. */
    private void fragmentHeader(ObjectNode header, JsonNode p) {
      String title = p.path("title").asText("");
      if (!title.isEmpty() && !title.equals(id)) {
        header.put("title", title);
      }
      String description = p.path("description").asText("");
      if (!description.isEmpty()) {
        header.put("description", description);
      }
      Map<String, JsonNode> configuration = PipelineDefinitions.configMap(p);
      parameters(header, configuration);
      Map<String, JsonNode> own = new LinkedHashMap<>();
      configuration.forEach((name, value) -> {
        if (FRAGMENT_SETTINGS.contains(name)) {
          own.put(name, value);
        }
      });
      settings(header, own, Set.of());
    }

    /**
     * Pipeline constants as `parameters:`. A constant whose name a parameter cannot have, or
     * whose value is not a scalar, cannot be written and is reported; a number or boolean is
     * written as it is and reaches the platform as text, as every parameter does.
     */
    private void parameters(ObjectNode flow, Map<String, JsonNode> configuration) {
      JsonNode constants = configuration.get("constants");
      if (constants == null || !constants.isArray() || constants.isEmpty()) {
        return;
      }
      ObjectNode params = JSON.objectNode();
      List<String> dropped = new ArrayList<>();
      List<String> retyped = new ArrayList<>();
      for (JsonNode kv : constants) {
        String key = kv.path("key").asText("");
        JsonNode value = kv.path("value");
        if (uses.isFragmentParameter(key)) {
          continue; // set by the use of its fragment
        }
        if (!kv.path("key").isTextual() || !PARAMETER.matcher(key).matches() || params.has(key)
            || !(value.isTextual() || value.isNumber() || value.isBoolean())) {
          dropped.add(key.isEmpty() ? "(no name)" : key);
        } else if (value.isTextual()) {
          params.set(key, ParameterValues.written(value.asText()));
        } else {
          params.set(key, value);
          retyped.add(key);
        }
      }
      if (!dropped.isEmpty()) {
        notes.add(ImportNote.warning("parameters a flow cannot hold (a name outside [A-Za-z_][A-Za-z0-9_]*, a repeated"
            + " name, or a value that is not text, a number or a boolean) are dropped: " + ImportNote.names(dropped)));
      }
      if (!retyped.isEmpty()) {
        notes.add(ImportNote.note("parameters stored as numbers or booleans reach the platform as text once compiled: "
            + ImportNote.names(retyped)));
      }
      if (!params.isEmpty()) {
        flow.set("parameters", params);
      }
    }

    private void settings(ObjectNode flow, Map<String, JsonNode> configuration, Set<String> declared) {
      List<ConfigTarget> targets = compile.pipelineConfigs().stream().map(c -> new ConfigTarget(Optional.empty(), c)).toList();
      ConfigNames names = new ConfigNames(targets);
      ObjectNode settings = JSON.objectNode();
      List<String> dropped = new ArrayList<>();
      for (ConfigTarget t : targets) {
        ConfigDefinition def = t.definition();
        JsonNode value = configuration.get(def.name());
        if (value == null || NOT_SETTINGS.contains(def.name()) || declared.contains(def.name())
            || ConfigValues.isSettingDefault(value, def)) {
          continue;
        }
        Optional<JsonNode> written = ConfigValues.written(value, def);
        Optional<String> key = names.keyOf(t);
        if (written.isEmpty() || key.isEmpty()) {
          dropped.add(def.name());
          continue;
        }
        settings.set(key.get(), secrets.written("settings", key.get(), def, false, written.get()));
      }
      if (!settings.isEmpty()) {
        flow.set("settings", settings);
      }
      // What the catalog cannot say is kept verbatim: settings it does not define (another engine
      // version's) and values it does not accept, in the pipeline's order.
      Set<String> known = new LinkedHashSet<>();
      compile.pipelineConfigs().forEach(c -> known.add(c.name()));
      ObjectNode raw = JSON.objectNode();
      configuration.forEach((name, value) -> {
        if ((!known.contains(name) || dropped.contains(name)) && !declared.contains(name)) {
          raw.set(name, secrets.verbatim("settings", name, value));
        }
      });
      if (!raw.isEmpty()) {
        List<String> verbatim = new ArrayList<>();
        raw.fieldNames().forEachRemaining(verbatim::add);
        notes.add(ImportNote.note(verbatim.size() + " pipeline setting" + (verbatim.size() == 1 ? " is" : "s are")
            + " not in the catalog (another engine version's) or hold values it does not accept; kept verbatim under"
            + " `raw_settings`: " + ImportNote.names(verbatim)));
        flow.set("raw_settings", raw);
      }
    }

    /** A stage off the canvas (error, lifecycle, test origin, statistics): its label alone, or a mapping with what else it needs. */
    private Optional<JsonNode> special(JsonNode stage, Role role) {
      PipelineDefinitions.Choice choice = definitions.choiceFor(stage);
      StageDefinition def = choice.definition();
      StageReference ref = StageReference.choose(compile, def, role, choice.raw());
      String field = switch (role) {
        case ERROR -> "error_records";
        case TEST_ORIGIN -> "test_origin";
        case STATS -> "stats_aggregator";
        default -> stage == doc.stopEventStage().orElse(null) ? "stop_event" : "start_event";
      };
      ObjectNode config = config(stage, def, "the " + switch (role) {
        case ERROR -> "error stage";
        case TEST_ORIGIN -> "test origin";
        case STATS -> "statistics aggregator";
        default -> "pipeline event stage";
      }, field);
      if (role == Role.ERROR && config.isEmpty() && ref.labelOnly()) {
        Optional<StageDefinition> discard = compile.byName(DISCARD).stream().findFirst();
        if (discard.isPresent() && discard.get().equals(def)) {
          return Optional.empty();
        }
      }
      if (ref.labelOnly() && config.isEmpty()) {
        return Optional.of(JSON.textNode(ref.label().orElseThrow()));
      }
      ObjectNode node = JSON.objectNode();
      reference(node, ref);
      if (!config.isEmpty()) {
        node.set("config", config);
      }
      return Optional.of(node);
    }

    // ---------------------------------------------------------------- stages

    /** The canvas stages: ids, references, configuration, predicates and lanes. */
    private final class StageWriting {
      private final List<JsonNode> stages;
      private final List<StageDefinition> defs = new ArrayList<>();
      private final List<String> ids;
      private final List<Map<String, String>> portOfLane = new ArrayList<>();
      private final List<List<String>> portOrder = new ArrayList<>();
      private final List<List<String>> predicateNames = new ArrayList<>();
      private List<List<List<Integer>>> targets;
      private List<List<Integer>> eventTargets;

      StageWriting(List<JsonNode> stages) {
        this.stages = stages;
        List<String> instanceNames = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (JsonNode s : stages) {
          // A use's placeholder needs no definition from the pipeline: the compiler makes it.
          defs.add(uses.use(s).map(u -> placeholder(u.kind()))
              .orElseGet(() -> definitions.choiceFor(s).definition()));
          instanceNames.add(s.path("instanceName").asText());
          // A use of a fragment is named after the fragment's title, word by word.
          labels.add(uses.use(s).map(u -> FragmentUseNode.idBase(u.title())).orElse(defs.get(defs.size() - 1).label()));
        }
        ids = StageIds.of(instanceNames, labels);
        for (int i = 0; i < stages.size(); i++) {
          ports(i);
        }
        lanes();
      }

      /** The id of the stage with this instance name. */
      String stageId(String instanceName) {
        for (int i = 0; i < stages.size(); i++) {
          if (stages.get(i).path("instanceName").asText().equals(instanceName)) {
            return ids.get(i);
          }
        }
        return instanceName;
      }

      /** The output a lane is, as a connection names it: `stage`, `route[big]`, `dedup[2]`. */
      Optional<String> portRef(String lane) {
        for (int i = 0; i < stages.size(); i++) {
          String port = portOfLane.get(i).get(lane);
          if (port != null) {
            return Optional.of(ids.get(i) + (port.isEmpty() ? "" : "[" + port + "]"));
          }
        }
        return Optional.empty();
      }

      /** Each output lane's port: a predicate name, `default`, an output number, or "" for the only output. */
      private void ports(int i) {
        JsonNode stage = stages.get(i);
        StageDefinition def = defs.get(i);
        Map<String, String> byLane = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        List<String> names = new ArrayList<>();
        JsonNode lanes = stage.path("outputLanes");
        Optional<FragmentImports.Use> use = uses.use(stage);
        if (use.isPresent()) {
          // The outputs of a use are the fragment's, by the names its file gives them.
          List<String> outputNames = usedFiles.get(stage).outputs();
          List<String> outputLanes = use.get().outputLanes();
          for (int k = 0; k < outputLanes.size(); k++) {
            String port = outputLanes.size() == 1 ? "" : k < outputNames.size() ? outputNames.get(k) : String.valueOf(k + 1);
            byLane.putIfAbsent(outputLanes.get(k), port);
            order.add(port);
          }
          portOfLane.add(byLane);
          portOrder.add(order);
          predicateNames.add(names);
          return;
        }
        if (def.hasPredicates()) {
          List<String> expressions = new ArrayList<>();
          List<String> exprLanes = new ArrayList<>();
          String defaultLane = null;
          for (JsonNode p : predicates(stage, def)) {
            String expr = p.path("predicate").asText("");
            if (expr.equals("default") && defaultLane == null) {
              defaultLane = p.path("outputLane").asText();
            } else {
              expressions.add(expr);
              exprLanes.add(p.path("outputLane").asText());
            }
          }
          names = PredicateNames.of(expressions);
          for (int k = 0; k < names.size(); k++) {
            byLane.putIfAbsent(exprLanes.get(k), names.get(k));
            order.add(names.get(k));
          }
          if (defaultLane != null) {
            byLane.putIfAbsent(defaultLane, "default");
          }
          order.add("default");
        } else {
          int ports = PipelineDefinitions.outputPorts(def, stage);
          if (def.laneConfig().isPresent()) {
            // Routes are numbered in their written order; each names its lane.
            List<JsonNode> entries = PipelineDefinitions.laneEntries(def, stage);
            for (int k = 0; k < entries.size(); k++) {
              byLane.putIfAbsent(entries.get(k).path("outputLane").asText(), ports > 1 ? String.valueOf(k + 1) : "");
            }
          } else {
            for (int k = 0; k < lanes.size() && k < ports; k++) {
              String port = ports > 1 ? String.valueOf(k + 1) : "";
              byLane.put(lanes.get(k).asText(), port);
            }
          }
          for (int k = 0; k < ports; k++) {
            order.add(ports > 1 ? String.valueOf(k + 1) : "");
          }
        }
        portOfLane.add(byLane);
        portOrder.add(order);
        predicateNames.add(names);
      }

      private JsonNode predicates(JsonNode stage, StageDefinition def) {
        for (ConfigDefinition c : def.configs()) {
          if (c.isPredicate()) {
            JsonNode v = PipelineDefinitions.configMap(stage).get(c.name());
            return v != null && v.isArray() ? v : JSON.arrayNode();
          }
        }
        return JSON.arrayNode();
      }

      void write(ObjectNode out) {
        // The compiler names the stages of the canvas; the stages that stand for fragments are named apart.
        List<Integer> canvas = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
          if (uses.use(stages.get(i)).isEmpty()) {
            canvas.add(i);
          }
        }
        List<Optional<String>> canvasPins = InstanceNamePins.pins(canvas.stream().map(i -> defs.get(i).label()).toList(),
            canvas.stream().map(i -> stages.get(i).path("instanceName").asText()).toList());
        Map<Integer, Optional<String>> pinsByStage = new LinkedHashMap<>();
        for (int k = 0; k < canvas.size(); k++) {
          pinsByStage.put(canvas.get(k), canvasPins.get(k));
        }
        for (int i = 0; i < stages.size(); i++) {
          JsonNode stage = stages.get(i);
          StageDefinition def = defs.get(i);
          Optional<FragmentImports.Use> use = uses.use(stage);
          if (use.isPresent()) {
            out.set(ids.get(i), FragmentUseNode.of(use.get(), usedFiles.get(stage).path(), ids.get(i)));
            continue;
          }
          ObjectNode node = JSON.objectNode();
          StageReference ref = StageReference.choose(compile, def, Role.CANVAS, definitions.choiceFor(stage).raw());
          reference(node, ref);
          pinsByStage.get(i).ifPresent(p -> node.put("instance_name", p));
          // The UI name, unless it is the one the compiler gives the stage anyway, wherever its block
          // is (an instance name without a number gets a default that depends on the order).
          JsonNode uiLabel = stage.path("uiInfo").path("label");
          if (uiLabel.isTextual() && !uiLabel.asText().isEmpty() && !uiLabel.asText()
              .equals(InstanceNamer.defaultUiLabel(def.label(), stage.path("instanceName").asText(), ""))) {
            node.put("title", uiLabel.asText());
          }
          String description = stage.path("uiInfo").path("description").asText("");
          if (!description.isEmpty()) {
            node.put("description", description);
          }
          ObjectNode config = config(stage, def, "stage `" + ids.get(i) + "`", ids.get(i));
          if (!config.isEmpty()) {
            node.set("config", config);
          }
          if (def.hasPredicates()) {
            ObjectNode predicates = JSON.objectNode();
            List<String> names = predicateNames.get(i);
            int k = 0;
            for (JsonNode p : predicates(stage, def)) {
              String expr = p.path("predicate").asText("");
              if (!expr.equals("default")) {
                predicates.put(names.get(k++), expr);
              }
            }
            if (!predicates.isEmpty()) {
              node.set("predicates", predicates);
            }
            predicateShape(stage, def, ids.get(i));
          }
          UiState.stage(stage.path("uiInfo"), def).ifPresent(ui -> node.set("ui", ui));
          out.set(ids.get(i), node);
        }
      }

      /** The platform requires `default` once and last; anything else cannot be written back as it is. */
      private void predicateShape(JsonNode stage, StageDefinition def, String id) {
        JsonNode list = predicates(stage, def);
        long defaults = 0;
        for (JsonNode p : list) {
          if (p.path("predicate").asText("").equals("default")) {
            defaults++;
          }
        }
        boolean last = list.size() > 0 && list.get(list.size() - 1).path("predicate").asText("").equals("default");
        if (defaults != 1 || !last) {
          notes.add(ImportNote.warning("the Stream Selector `" + id + "` does not end with exactly one `default` condition;"
              + " the flow gives it one, last"));
        }
      }

      /** Which stages each port and each event lane feeds, from the input lanes of every stage. */
      private void lanes() {
        Map<String, int[]> owner = new LinkedHashMap<>();
        for (int i = 0; i < stages.size(); i++) {
          final int from = i;
          portOfLane.get(i).forEach((lane, port) -> owner.put(lane, new int[] {from, portOrder.get(from).indexOf(port)}));
        }
        Map<String, Integer> eventOwner = new LinkedHashMap<>();
        for (int i = 0; i < stages.size(); i++) {
          for (JsonNode lane : stages.get(i).path("eventLanes")) {
            eventOwner.put(lane.asText(), i);
          }
        }
        targets = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
          List<List<Integer>> perPort = new ArrayList<>();
          portOrder.get(i).forEach(p -> perPort.add(new ArrayList<>()));
          targets.add(perPort);
        }
        eventTargets = new ArrayList<>();
        stages.forEach(s -> eventTargets.add(new ArrayList<>()));
        List<String> unconnected = new ArrayList<>();
        for (int j = 0; j < stages.size(); j++) {
          Set<String> seen = new LinkedHashSet<>();
          for (JsonNode laneNode : stages.get(j).path("inputLanes")) {
            String lane = laneNode.asText();
            if (!seen.add(lane)) {
              continue;
            }
            int[] port = owner.get(lane);
            if (port != null && port[1] >= 0) {
              targets.get(port[0]).get(port[1]).add(j);
            } else if (eventOwner.containsKey(lane)) {
              eventTargets.get(eventOwner.get(lane)).add(j);
            } else {
              unconnected.add(ids.get(j));
            }
          }
        }
        if (!unconnected.isEmpty()) {
          notes.add(ImportNote.warning("input lanes that no stage produces (or no output the flow can name) are dropped from "
              + ImportNote.names(new ArrayList<>(new LinkedHashSet<>(unconnected)))));
        }
      }

      List<String> connections() {
        List<List<ConnectionLines.Port>> ports = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
          List<ConnectionLines.Port> list = new ArrayList<>();
          for (int k = 0; k < portOrder.get(i).size(); k++) {
            list.add(new ConnectionLines.Port(portOrder.get(i).get(k), targets.get(i).get(k)));
          }
          ports.add(list);
        }
        return ConnectionLines.data(ids, ports);
      }

      List<String> events() {
        return ConnectionLines.events(ids, eventTargets);
      }
    }

    // ---------------------------------------------------------------- shared

    private void reference(ObjectNode node, StageReference ref) {
      ref.label().ifPresent(l -> node.put("label", l));
      ref.name().ifPresent(n -> node.put("name", n));
      ref.type().ifPresent(t -> node.put("type", t.word()));
      ref.library().ifPresent(l -> node.put("library", l));
      ref.version().ifPresent(v -> {
        if (v.matches("[1-9]\\d{0,8}|0")) {
          node.put("version", Integer.parseInt(v));
        } else {
          node.put("version", v);
        }
      });
    }

    /**
     * The stage's configuration that differs from what the compiler would emit (the definition's
     * default, or the default the stage sets for its service), in definition order, by readable
     * name where that names the config alone.
     */
    private ObjectNode config(JsonNode stage, StageDefinition def, String owner, String where) {
      List<ConfigTarget> targets = new ArrayList<>();
      Map<ConfigTarget, JsonNode> defaults = new LinkedHashMap<>();
      for (ConfigDefinition c : def.configs()) {
        ConfigTarget t = new ConfigTarget(Optional.empty(), c);
        targets.add(t);
        defaults.put(t, ConfigValues.emittedDefault(c));
      }
      // Service configs the stage sets itself at run time, whatever is stored.
      Set<ConfigTarget> presets = new java.util.HashSet<>();
      Map<String, Map<String, JsonNode>> serviceValues = new LinkedHashMap<>();
      for (JsonNode s : stage.path("services")) {
        serviceValues.put(s.path("service").asText(), PipelineDefinitions.configMap(s));
      }
      for (ServiceUse use : def.services()) {
        Optional<ServiceDefinition> service = compile.service(use.service());
        if (service.isEmpty()) {
          continue;
        }
        for (ConfigDefinition c : service.get().configs()) {
          ConfigTarget t = new ConfigTarget(Optional.of(use.service()), c);
          targets.add(t);
          defaults.put(t, use.configuration().containsKey(c.name()) ? use.configuration().get(c.name()) : ConfigValues.emittedDefault(c));
          if (use.configuration().containsKey(c.name())) {
            presets.add(t);
          }
        }
      }
      ConfigNames names = new ConfigNames(targets);
      Map<String, JsonNode> own = PipelineDefinitions.configMap(stage);
      ObjectNode config = JSON.objectNode();
      List<String> dropped = new ArrayList<>();
      for (ConfigTarget t : targets) {
        ConfigDefinition c = t.definition();
        JsonNode value = t.service().isEmpty() ? own.get(c.name())
            : serviceValues.getOrDefault(t.service().get(), Map.of()).get(c.name());
        if (value != null && t.service().isEmpty() && def.laneConfig().filter(l -> l.name().equals(c.name())).isPresent()) {
          value = PipelineDefinitions.withoutLanes(value);
        }
        // An inferred definition's defaults are guesses the compiler does not emit (the platform
        // fills in its own), so every value such a stage holds is written.
        boolean guessed = def.inferred() && t.service().isEmpty();
        boolean held = t.service().isEmpty() || serviceValues.containsKey(t.service().get());
        if (value == null && held && !guessed && !c.isPredicate() && !presets.contains(t)) {
          // The engine fills a config the pipeline lacks with its definition's default, which is
          // not always the value the compiler emits for an unset config (the UI's).
          value = ConfigValues.engineFilled(c);
        }
        if (value == null || c.isPredicate() || (!guessed && ConfigValues.same(value, defaults.get(t), c))) {
          continue;
        }
        Optional<JsonNode> written = ConfigValues.written(value, c);
        Optional<String> key = names.keyOf(t);
        if (written.isEmpty() || key.isEmpty()) {
          dropped.add(c.name());
          continue;
        }
        config.set(key.get(), secrets.written(where, key.get(), c, guessed, written.get()));
      }
      if (!dropped.isEmpty()) {
        notes.add(ImportNote.warning("configs of " + owner + " that cannot be written so the compiler reproduces them are dropped: "
            + ImportNote.names(dropped)));
      }
      return config;
    }

    /** What the language cannot hold: rules, metadata, the statistics and test origin stages' own settings. */
    private void droppedParts() {
      doc.rules().ifPresent(rules -> {
        List<String> parts = new ArrayList<>();
        for (String kind : List.of("metricsRuleDefinitions", "dataRuleDefinitions", "driftRuleDefinitions")) {
          JsonNode list = rules.path(kind);
          if (list.isArray() && list.size() > 0) {
            long enabled = 0;
            for (JsonNode r : list) {
              if (r.path("enabled").asBoolean(false)) {
                enabled++;
              }
            }
            parts.add(list.size() + " " + kind.replace("RuleDefinitions", "") + " (" + enabled + " enabled)");
          }
        }
        if (!parts.isEmpty()) {
          notes.add(new ImportNote(parts.stream().anyMatch(p -> !p.contains("(0 enabled)")) ? ImportNote.Level.WARNING : ImportNote.Level.NOTE,
              "pipeline rules are not imported (the flow language has none): " + String.join(", ", parts) + " rules"));
        }
      });
    }
  }
}
