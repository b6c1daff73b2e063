package io.flowascode.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.CatalogFormat;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import io.flowascode.compiler.resolve.StageResolver.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The definitions one pipeline is imported against. For each stage (library, name and version)
 * and each service, in this order of preference: the catalog's own definition when it expresses
 * every instance exactly; the export's library definition when that does; else a definition
 * inferred from the pipeline on the closest known one. Whatever the catalog lacks becomes the
 * flow's definitions file, and the flow is written against the catalog the compiler will then see:
 * the catalog overlaid with that file.
 */
final class PipelineDefinitions {
  private static final Pattern TRAILING_NUMBER = Pattern.compile("\\s+\\d+$");
  private static final Pattern NOT_NAME = Pattern.compile("[^0-9A-Za-z_]");

  /** Where a stage's definition comes from. */
  enum Source { CATALOG, EXPORT, INFERRED }

  /** The definition chosen for one stage key. */
  record Choice(StageDefinition definition, Source source) {
    /** Named by stage name, library and version: no published definition gave it a label to trust. */
    boolean raw() {
      return InferredDefinitions.isUnpublished(definition);
    }
  }

  /** A stage object of the pipeline and the place it has there. */
  record Instance(JsonNode stage, Role role) {}

  private final Catalog base;
  private final Catalog export;
  private final Map<String, Choice> stages = new LinkedHashMap<>();
  private final Map<String, ServiceDefinition> services = new LinkedHashMap<>();
  private final List<StageDefinition> extraStages = new ArrayList<>();
  private final List<ServiceDefinition> extraServices = new ArrayList<>();
  private List<ConfigDefinition> pipelineConfigs = List.of();
  private final List<ImportNote> notes;
  private final Set<String> consumed = new HashSet<>();
  private Catalog compile;
  private Optional<String> file = Optional.empty();

  private PipelineDefinitions(Catalog base, Catalog export, List<ImportNote> notes) {
    this.base = base;
    this.export = export;
    this.notes = notes;
  }

  /**
   * @param base the catalog the user compiles with (bundled, plus their own definitions)
   * @param export the export's library definitions (an empty catalog when it has none)
   * @param fileName the definitions file name, for notes
   */
  static PipelineDefinitions plan(Catalog base, Catalog export, PipelineDocument doc, String fileName,
      List<ImportNote> notes) {
    PipelineDefinitions p = new PipelineDefinitions(base, export, notes);
    List<Instance> instances = new ArrayList<>();
    doc.stages().forEach(s -> instances.add(new Instance(s, Role.CANVAS)));
    doc.errorStage().ifPresent(s -> instances.add(new Instance(s, Role.ERROR)));
    doc.startEventStage().ifPresent(s -> instances.add(new Instance(s, Role.LIFECYCLE)));
    doc.stopEventStage().ifPresent(s -> instances.add(new Instance(s, Role.LIFECYCLE)));
    doc.testOriginStage().ifPresent(s -> instances.add(new Instance(s, Role.TEST_ORIGIN)));
    doc.statsAggregatorStage().ifPresent(s -> instances.add(new Instance(s, Role.STATS)));
    doc.stages().forEach(s -> s.path("inputLanes").forEach(l -> p.consumed.add(l.asText())));
    p.planSettings(doc, fileName);
    p.planServices(instances, fileName);
    p.planStages(instances, fileName);
    p.finish();
    return p;
  }

  static String key(JsonNode stage) {
    return stage.path("library").asText() + "::" + stage.path("stageName").asText() + "::"
        + PipelineDocument.stageVersion(stage);
  }

  Choice choiceFor(JsonNode stage) {
    return stages.get(key(stage));
  }

  /** The catalog the flow compiles against: the base overlaid with the definitions file. */
  Catalog compileCatalog() {
    return compile;
  }

  /** The definitions file's text, when the flow needs one. */
  Optional<String> definitionsFile() {
    return file;
  }

  // ------------------------------------------------------------------ settings

  /**
   * Pipeline settings whose values the catalog's definitions refuse (an old engine's empty
   * statistics aggregator, a renamed execution mode) are kept by loosening those definitions in
   * the file; settings the catalog does not know at all are another engine version's and are left
   * out (with a note), as the target engine would not know them either.
   */
  private void planSettings(PipelineDocument doc, String fileName) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Set<String> known = new HashSet<>();
    base.pipelineConfigs().forEach(c -> known.add(c.name()));
    configMap(doc.pipeline()).forEach((name, value) -> {
      if (known.contains(name) && !PipelineImporter.NOT_SETTINGS.contains(name)) {
        values.put(name, value);
      }
    });
    InferredDefinitions.Fitted fitted = InferredDefinitions.fit(base.pipelineConfigs(), List.of(values));
    if (!fitted.loosened().isEmpty()) {
      pipelineConfigs = fitted.configs();
      notes.add(ImportNote.warning("pipeline settings hold " + describeChanges(fitted)
          + "; loosened definitions are written to " + fileName + ", which the flow compiles with (it sits beside the flow file)"));
    }
  }

  // ------------------------------------------------------------------ services

  private void planServices(List<Instance> instances, String fileName) {
    Map<String, List<JsonNode>> usages = new LinkedHashMap<>();
    for (Instance i : instances) {
      i.stage().path("services").forEach(u -> usages.computeIfAbsent(u.path("service").asText(), k -> new ArrayList<>()).add(u));
    }
    usages.forEach((provides, uses) -> {
      List<Integer> versions = uses.stream().map(u -> u.path("serviceVersion").asInt(1)).distinct().toList();
      int version = versions.get(0);
      if (versions.size() > 1) {
        notes.add(ImportNote.warning("the service " + shortName(provides) + " is used at versions " + versions
            + "; the flow can only hold one, version " + version));
      }
      List<Map<String, JsonNode>> configs = uses.stream().map(PipelineDefinitions::configMap).toList();
      for (Optional<ServiceDefinition> candidate : List.of(base.service(provides), export.service(provides))) {
        if (candidate.isPresent() && candidate.get().version() == version
            && !InferredDefinitions.fit(candidate.get().configs(), configs).changed()) {
          services.put(provides, candidate.get());
          if (!candidate.get().equals(base.service(provides).orElse(null))) {
            extraServices.add(candidate.get());
          }
          return;
        }
      }
      Optional<ServiceDefinition> template = base.service(provides).or(() -> export.service(provides));
      List<ConfigDefinition> templateConfigs = template.map(ServiceDefinition::configs).orElse(List.of());
      if (template.isPresent() && template.get().version() != version) {
        templateConfigs = InferredDefinitions.narrowed(templateConfigs, configs);
      }
      InferredDefinitions.Fitted fitted = InferredDefinitions.fit(templateConfigs, configs);
      ServiceDefinition inferred = new ServiceDefinition(provides, version,
          template.map(ServiceDefinition::label).orElse(shortName(provides)), fitted.configs());
      services.put(provides, inferred);
      extraServices.add(inferred);
      String why = template.isEmpty() ? "is not in the catalog"
          : template.get().version() != version ? "is version " + version + " here, the catalog has version " + template.get().version()
          : describeChanges(fitted);
      notes.add(ImportNote.warning("the service " + shortName(provides) + " " + why
          + "; its definition is inferred from the pipeline into " + fileName + ", which the flow compiles with (it sits beside the flow file)"));
    });
  }

  // ------------------------------------------------------------------ stages

  private void planStages(List<Instance> instances, String fileName) {
    Map<String, List<Instance>> byKey = new LinkedHashMap<>();
    for (Instance i : instances) {
      byKey.computeIfAbsent(key(i.stage()), k -> new ArrayList<>()).add(i);
    }
    Catalog known = base.overlay(export);
    byKey.forEach((key, uses) -> {
      JsonNode first = uses.get(0).stage();
      String library = first.path("library").asText();
      String name = first.path("stageName").asText();
      String version = PipelineDocument.stageVersion(first);
      Optional<StageDefinition> inBase = base.find(library, name, version);
      Optional<StageDefinition> inExport = export.find(library, name, version);
      if (inBase.isPresent() && fits(inBase.get(), uses)) {
        stages.put(key, new Choice(inBase.get(), Source.CATALOG));
        return;
      }
      if (inExport.isPresent() && fits(inExport.get(), uses)) {
        stages.put(key, new Choice(inExport.get(), Source.EXPORT));
        extraStages.add(inExport.get());
        return;
      }
      Optional<StageDefinition> template = inBase.or(() -> inExport).or(() -> known.findClosest(library, name, version));
      List<Map<String, JsonNode>> configs = uses.stream().map(u -> configMap(u.stage())).toList();
      List<ConfigDefinition> templateConfigs = template.map(StageDefinition::configs).orElse(List.of());
      if (template.isPresent() && !template.get().version().equals(version)) {
        // Another version's configs describe this one's only where the names agree; the rest would
        // be configs (or bean fields) this version does not have.
        templateConfigs = InferredDefinitions.narrowed(templateConfigs, configs);
      }
      InferredDefinitions.Fitted fitted = InferredDefinitions.fit(templateConfigs, configs, true);
      StageDefinition inferred = infer(template, library, name, version, uses, fitted.configs());
      stages.put(key, new Choice(inferred, Source.INFERRED));
      extraStages.add(inferred);
      String what = "the stage " +  template.map(StageDefinition::label).filter(l -> !l.isBlank()).orElse(name)
          + " version " + version + " (" + library + ")";
      String why;
      if (template.isEmpty()) {
        why = " is not in the catalog";
      } else if (!template.get().version().equals(version) || !template.get().library().equals(library)) {
        why = " is not in the catalog (the closest is version " + template.get().version() + " in "
            + template.get().library() + ")";
      } else {
        why = ": " + misfit(template.get(), uses).orElse("the catalog's definition does not express it");
      }
      notes.add(ImportNote.warning(what + why + "; its definition is inferred from the pipeline into " + fileName
          + ", which the flow compiles with (it sits beside the flow file)"));
    });
  }

  /** The definition expresses every instance: known configs with values it binds, its services, outputs and role. */
  private boolean fits(StageDefinition def, List<Instance> uses) {
    return misfit(def, uses).isEmpty();
  }

  /** Why the definition does not express the instances, or empty when it does. */
  private Optional<String> misfit(StageDefinition def, List<Instance> uses) {
    for (Instance use : uses) {
      JsonNode stage = use.stage();
      if (!eligible(def, use.role())) {
        return Optional.of(switch (use.role()) {
          case CANVAS -> "its definition cannot be on the canvas";
          case ERROR -> "its definition is not an error stage";
          case LIFECYCLE -> "its definition is not a pipeline event stage";
          case TEST_ORIGIN -> "its definition is not an origin";
          case STATS -> "its definition is not a statistics aggregator";
        });
      }
      InferredDefinitions.Fitted fitted = InferredDefinitions.fit(def.configs(), List.of(configMap(stage)), def.inferred());
      if (fitted.changed()) {
        return Optional.of(describeChanges(fitted));
      }
      Set<String> listed = new HashSet<>();
      def.services().forEach(s -> listed.add(s.service()));
      for (JsonNode service : stage.path("services")) {
        if (!listed.contains(service.path("service").asText())) {
          return Optional.of("it uses the service " + shortName(service.path("service").asText())
              + ", which its definition does not list");
        }
      }
      if (use.role() == Role.CANVAS) {
        Optional<String> outputs = outputsMisfit(def, stage);
        if (outputs.isPresent()) {
          return outputs;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean eligible(StageDefinition def, Role role) {
    return switch (role) {
      case CANVAS -> def.onCanvas();
      case ERROR -> def.errorStage();
      case LIFECYCLE -> def.pipelineLifecycleStage();
      case TEST_ORIGIN -> def.type() == StageType.ORIGIN;
      case STATS -> def.statsAggregatorStage();
    };
  }

  /** A consumed output lane the compiler would not give the stage, or a consumed event lane it does not produce. */
  private Optional<String> outputsMisfit(StageDefinition def, JsonNode stage) {
    boolean selector = configMap(stage).containsKey("lanePredicates");
    if (def.hasPredicates() != selector) {
      return Optional.of(selector ? "it has predicates its definition does not take" : "its definition takes predicates");
    }
    if (!def.hasPredicates()) {
      int ports = outputPorts(def, stage);
      JsonNode lanes = stage.path("outputLanes");
      for (int i = ports; i < lanes.size(); i++) {
        if (consumed.contains(lanes.get(i).asText())) {
          return Optional.of("it has " + lanes.size() + " outputs in use, its definition " + ports);
        }
      }
    }
    for (JsonNode lane : stage.path("eventLanes")) {
      if (consumed.contains(lane.asText()) && !def.producesEvents()) {
        return Optional.of("it sends events, which its definition does not produce");
      }
    }
    return Optional.empty();
  }

  /** How many data outputs the compiler gives this stage, which has no predicates. */
  static int outputPorts(StageDefinition def, JsonNode stage) {
    if (def.type() == StageType.DESTINATION || def.type() == StageType.EXECUTOR) {
      return 0;
    }
    if (def.laneConfig().isPresent()) {
      return laneEntries(def, stage).size();
    }
    return Math.max(1, def.fixedOutputs());
  }

  /** The entries of a lane-driving list (HTTP Router routes), each naming its output lane. */
  static List<JsonNode> laneEntries(StageDefinition def, JsonNode stage) {
    List<JsonNode> entries = new ArrayList<>();
    def.laneConfig().map(c -> configMap(stage).get(c.name())).filter(JsonNode::isArray).ifPresent(v -> v.forEach(entries::add));
    return entries;
  }

  /** A lane-driving list without the lane names, which the compiler assigns. */
  static JsonNode withoutLanes(JsonNode entries) {
    if (!entries.isArray()) {
      return entries;
    }
    com.fasterxml.jackson.databind.node.ArrayNode copy = entries.deepCopy();
    copy.forEach(e -> {
      if (e.isObject()) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove("outputLane");
      }
    });
    return copy;
  }

  private StageDefinition infer(Optional<StageDefinition> template, String library, String name, String version,
      List<Instance> uses, List<ConfigDefinition> configs) {
    boolean canvas = uses.stream().anyMatch(u -> u.role() == Role.CANVAS);
    boolean error = uses.stream().anyMatch(u -> u.role() == Role.ERROR);
    boolean lifecycle = uses.stream().anyMatch(u -> u.role() == Role.LIFECYCLE);
    boolean stats = uses.stream().anyMatch(u -> u.role() == Role.STATS);
    StageType type = template.map(StageDefinition::type).orElseGet(() -> guessType(name, uses));
    int lanes = uses.stream().filter(u -> u.role() == Role.CANVAS).mapToInt(u -> u.stage().path("outputLanes").size()).max().orElse(0);
    boolean selector = configs.stream().anyMatch(ConfigDefinition::isPredicate);
    int outputs = template.map(StageDefinition::outputStreams).orElse(0);
    boolean variable = template.map(StageDefinition::variableOutputStreams).orElse(selector);
    if (!selector && (type == StageType.ORIGIN || type == StageType.PROCESSOR) && lanes > Math.max(1, outputs) && !variable) {
      outputs = lanes;
    }
    boolean events = template.map(StageDefinition::producesEvents).orElse(false)
        || uses.stream().anyMatch(u -> u.stage().path("eventLanes").size() > 0);
    // Another version's services are this one's only where the pipeline uses them (older versions
    // held their data format configs on the stage itself).
    List<ServiceUse> serviceUses = new ArrayList<>(template.filter(t -> t.version().equals(version))
        .map(StageDefinition::services).orElse(List.of()));
    if (template.isPresent() && !template.get().version().equals(version)) {
      for (ServiceUse use : template.get().services()) {
        if (uses.stream().anyMatch(u -> hasService(u.stage(), use.service()))) {
          serviceUses.add(use);
        }
      }
    }
    Set<String> listed = new LinkedHashSet<>();
    serviceUses.forEach(s -> listed.add(s.service()));
    for (Instance u : uses) {
      for (JsonNode s : u.stage().path("services")) {
        if (listed.add(s.path("service").asText())) {
          serviceUses.add(new ServiceUse(s.path("service").asText(), Map.of()));
        }
      }
    }
    List<String> hide = canvas ? List.of() : template.map(StageDefinition::hideStage).orElse(List.of());
    return StageDefinition.builder(library, name, version, type)
        .libraryLabel(template.filter(t -> t.library().equals(library)).map(StageDefinition::libraryLabel).orElse(""))
        .label(template.map(StageDefinition::label).filter(l -> !l.isBlank()).orElseGet(() -> guessLabel(uses)))
        .description(template.map(StageDefinition::description).orElse(InferredDefinitions.UNPUBLISHED_STAGE))
        .configs(configs)
        .services(serviceUses)
        .producesEvents(events)
        .outputStreams(outputs)
        .variableOutputStreams(variable)
        .outputStreamsDrivenByConfig(selector
            ? configs.stream().filter(ConfigDefinition::isPredicate).findFirst().orElseThrow().name()
            : template.map(StageDefinition::outputStreamsDrivenByConfig).orElse(""))
        .outputStreamLabels(template.map(StageDefinition::outputStreamLabels).orElse(List.of()))
        .errorStage(!canvas && (error || template.map(StageDefinition::errorStage).orElse(false)))
        .statsAggregatorStage(!canvas && (stats || template.map(StageDefinition::statsAggregatorStage).orElse(false)))
        .pipelineLifecycleStage(lifecycle || template.map(StageDefinition::pipelineLifecycleStage).orElse(false))
        .hideStage(hide)
        .executionModes(template.map(StageDefinition::executionModes).orElse(List.of()))
        .inferred(true)
        .build();
  }

  private static boolean hasService(JsonNode stage, String service) {
    for (JsonNode s : stage.path("services")) {
      if (service.equals(s.path("service").asText())) {
        return true;
      }
    }
    return false;
  }

  private static StageType guessType(String name, List<Instance> uses) {
    for (Instance u : uses) {
      Optional<StageType> t = StageType.fromPlatform(u.stage().path("uiInfo").path("stageType").asText(""));
      if (t.isPresent()) {
        return t.get();
      }
    }
    if (uses.stream().anyMatch(u -> u.role() == Role.TEST_ORIGIN)) {
      return StageType.ORIGIN;
    }
    if (uses.stream().anyMatch(u -> u.role() != Role.CANVAS)) {
      return StageType.DESTINATION;
    }
    String simple = name.substring(name.lastIndexOf('_') + 1);
    if (simple.endsWith("Source")) {
      return StageType.ORIGIN;
    }
    if (simple.endsWith("Target")) {
      return StageType.DESTINATION;
    }
    return simple.endsWith("Executor") ? StageType.EXECUTOR : StageType.PROCESSOR;
  }

  /** The UI label without its number when it still names the instance, else the instance name's base. */
  private static String guessLabel(List<Instance> uses) {
    JsonNode stage = uses.get(0).stage();
    String instance = stage.path("instanceName").asText().replaceFirst("_\\d+$", "");
    String label = TRAILING_NUMBER.matcher(stage.path("uiInfo").path("label").asText("").strip()).replaceFirst("");
    if (!label.isEmpty() && NOT_NAME.matcher(label).replaceAll("").equals(instance)) {
      return label;
    }
    return instance.isEmpty() ? stage.path("stageName").asText() : instance;
  }

  // ------------------------------------------------------------------ result

  private void finish() {
    if (extraStages.isEmpty() && extraServices.isEmpty() && pipelineConfigs.isEmpty()) {
      compile = base;
      return;
    }
    String text = CatalogFormat.write(new Catalog(extraStages, extraServices, pipelineConfigs));
    try {
      // Overlay what the user will pass, read back from its text, so the flow is checked against exactly that.
      compile = base.overlay(CatalogFormat.read(text));
    } catch (DefinitionsException e) {
      throw new IllegalStateException("the inferred definitions do not read back: " + e.getMessage(), e);
    }
    file = Optional.of(text);
    Map<String, Choice> reread = new LinkedHashMap<>();
    stages.forEach((k, c) -> {
      StageDefinition d = c.definition();
      reread.put(k, new Choice(compile.find(d.library(), d.name(), d.version()).orElseThrow(), c.source()));
    });
    stages.putAll(reread);
  }

  /** The configs by name; a name written twice reads as its last entry, as the engine reads it. */
  static Map<String, JsonNode> configMap(JsonNode stageOrService) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    for (JsonNode c : stageOrService.path("configuration")) {
      if (c.has("name")) {
        map.put(c.path("name").asText(), c.has("value") ? c.get("value") : com.fasterxml.jackson.databind.node.NullNode.getInstance());
      }
    }
    return map;
  }

  private static String describeChanges(InferredDefinitions.Fitted fitted) {
    List<String> parts = new ArrayList<>();
    if (!fitted.added().isEmpty()) {
      parts.add("the pipeline sets configs its definition does not have (" + ImportNote.names(fitted.added()) + ")");
    }
    if (!fitted.loosened().isEmpty()) {
      parts.add("values its definition does not accept (" + ImportNote.names(fitted.loosened()) + ")");
    }
    return String.join(" and ", parts);
  }


  static String shortName(String provides) {
    return provides.substring(provides.lastIndexOf('.') + 1);
  }
}
