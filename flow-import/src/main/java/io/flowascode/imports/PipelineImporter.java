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

  private final Catalog catalog;

  /**
   * @param catalog the definitions the flow will be compiled with: the bundled catalog, overlaid
   *     with the user's own definitions if any
   */
  public PipelineImporter(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * @param document a pipelineConfig or an export envelope
   * @param source where it came from (a file name, a zip entry); names the flow when the pipeline
   *     has no id
   */
  public ImportResult importPipeline(JsonNode document, String source) {
    PipelineDocument doc;
    try {
      doc = PipelineDocument.read(document);
    } catch (ImportRefusal refusal) {
      return new ImportResult.Refused(source, refusal.getMessage());
    }
    return new ImportResult.Imported(source, new OnePipeline(doc, source).flow());
  }

  /** The import of one pipeline. */
  private final class OnePipeline {
    private final PipelineDocument doc;
    private final String source;
    private final List<ImportNote> notes = new ArrayList<>();
    private String id;
    private PipelineDefinitions definitions;
    private Catalog compile;

    OnePipeline(PipelineDocument doc, String source) {
      this.doc = doc;
      this.source = source;
    }

    ImportedFlow flow() {
      id = flowId();
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
      definitions = PipelineDefinitions.plan(catalog, export, doc, id + ".definitions.json", notes);
      compile = definitions.compileCatalog();

      ObjectNode root = JSON.objectNode();
      ObjectNode flow = root.putObject("flow");
      ObjectNode stagesNode = JSON.objectNode();
      StageWriting stages = new StageWriting(doc.stages());
      header(flow);
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
      return new ImportedFlow(id, FlowYamlWriter.write(root), definitions.definitionsFile(), notes);
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
        settings.set(key.get(), written.get());
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
          raw.set(name, value);
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
      ObjectNode config = config(stage, def, "the " + switch (role) {
        case ERROR -> "error stage";
        case TEST_ORIGIN -> "test origin";
        case STATS -> "statistics aggregator";
        default -> "pipeline event stage";
      });
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
        for (JsonNode s : stages) {
          defs.add(definitions.choiceFor(s).definition());
          instanceNames.add(s.path("instanceName").asText());
        }
        ids = StageIds.of(instanceNames, defs.stream().map(StageDefinition::label).toList());
        for (int i = 0; i < stages.size(); i++) {
          ports(i);
        }
        lanes();
      }

      /** Each output lane's port: a predicate name, `default`, an output number, or "" for the only output. */
      private void ports(int i) {
        JsonNode stage = stages.get(i);
        StageDefinition def = defs.get(i);
        Map<String, String> byLane = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        List<String> names = new ArrayList<>();
        JsonNode lanes = stage.path("outputLanes");
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
        List<String> labels = defs.stream().map(StageDefinition::label).toList();
        List<String> wanted = stages.stream().map(s -> s.path("instanceName").asText()).toList();
        List<Optional<String>> pins = InstanceNamePins.pins(labels, wanted);
        for (int i = 0; i < stages.size(); i++) {
          JsonNode stage = stages.get(i);
          StageDefinition def = defs.get(i);
          ObjectNode node = JSON.objectNode();
          StageReference ref = StageReference.choose(compile, def, Role.CANVAS, definitions.choiceFor(stage).raw());
          reference(node, ref);
          pins.get(i).ifPresent(p -> node.put("instance_name", p));
          // The UI name, unless it is the one the compiler gives the stage anyway, wherever its block
          // is (an instance name without a number gets a default that depends on the order).
          JsonNode uiLabel = stage.path("uiInfo").path("label");
          if (uiLabel.isTextual() && !uiLabel.asText().isEmpty()
              && !uiLabel.asText().equals(InstanceNamer.defaultUiLabel(def.label(), wanted.get(i), ""))) {
            node.put("title", uiLabel.asText());
          }
          String description = stage.path("uiInfo").path("description").asText("");
          if (!description.isEmpty()) {
            node.put("description", description);
          }
          ObjectNode config = config(stage, def, "stage `" + ids.get(i) + "`");
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
    private ObjectNode config(JsonNode stage, StageDefinition def, String owner) {
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
        config.set(key.get(), written.get());
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
