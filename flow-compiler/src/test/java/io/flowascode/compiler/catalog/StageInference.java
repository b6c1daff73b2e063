package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.flowascode.compiler.catalog.CorpusPipelines.Role;
import io.flowascode.compiler.catalog.CorpusPipelines.StageInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reconstructs the definition of a stage that no readable definitions file publishes, from the
 * corpus pipelines that use it. The result is marked {@code inferred}: its configs are the union of
 * those set by the instances at the newest version seen, their types are guessed from the values,
 * and each default is the value most instances hold (see {@link #defaultOf}).
 */
final class StageInference {
  /** Labels the platform notes give (NOTES.md §4) for stages that are not published elsewhere. */
  private static final Map<String, String> NOTED_LABELS = Map.of(
      "com_streamsets_pipeline_stage_origin_kafka_KafkaDSource", "Kafka Consumer",
      "com_streamsets_pipeline_stage_origin_multikafka_MultiKafkaDSource", "Kafka Multitopic Consumer",
      "com_streamsets_pipeline_stage_origin_jdbc_JdbcDSource", "JDBC Query Consumer",
      "com_streamsets_pipeline_stage_origin_sqs_SqsDSource", "Amazon SQS Consumer",
      "com_streamsets_pipeline_stage_executor_s3_AmazonS3DExecutor", "Amazon S3");

  private static final Pattern SPECIAL_PREFIX = Pattern.compile(
      "^(Error Records|Bad Records|Error|Stats Aggregator|Start Event|Stop Event|Test Origin)\\s*-\\s*");
  private static final Pattern TRAILING_NUMBER = Pattern.compile("\\s+\\d+$");
  private static final Pattern INSTANCE_SUFFIX = Pattern.compile("_\\d+$");
  private static final Pattern NOT_IN_INSTANCE_NAMES = Pattern.compile("[^0-9A-Za-z_]");
  // Config names whose values must never become a committed default, whatever the corpus holds.
  private static final Pattern SECRET = Pattern.compile(
      "password|passwd|secret|token|credential|accesskey|apikey|privatekey|keytab|jaas|sasl|auth|user|key$");

  private final StageReferences references;
  private final Map<String, ConfigDefinition> systemConfigs;

  /**
   * @param systemConfigs published definitions of the configs the framework adds to every stage
   *     ({@code stageOnRecordError}, ...), used as they are instead of guessing
   */
  StageInference(StageReferences references, Map<String, ConfigDefinition> systemConfigs) {
    this.references = references;
    this.systemConfigs = systemConfigs;
  }

  StageDefinition infer(String stageName, List<StageInstance> instances) {
    String version = instances.stream().map(StageInstance::version)
        .max(Comparator.comparingLong(Catalog::versionNumber)).orElseThrow();
    List<StageInstance> newest = instances.stream().filter(i -> i.version().equals(version)).toList();
    String library = mostCommon(newest.stream().map(StageInstance::library).toList(), Comparator.naturalOrder());
    Optional<StageReferences.Reference> reference = references.newest(stageName);
    StageType type = type(stageName, instances);

    Map<String, List<Observed>> values = new LinkedHashMap<>();
    for (StageInstance i : newest) {
      for (Map.Entry<String, JsonNode> c : i.configuration()) {
        values.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(new Observed(i.file(), c.getValue()));
      }
    }
    List<ConfigDefinition> configs = new ArrayList<>();
    values.forEach((name, seen) -> configs.add(systemConfigs.containsKey(name)
        ? systemConfigs.get(name)
        : config(name, seen, true)));

    String predicates = configs.stream().filter(ConfigDefinition::isPredicate)
        .map(ConfigDefinition::name).findFirst().orElse("");
    boolean hasOutputs = type == StageType.ORIGIN || type == StageType.PROCESSOR;
    int outputs = hasOutputs && predicates.isEmpty()
        ? Math.max(1, newest.stream().mapToInt(StageInstance::outputLanes).max().orElse(1))
        : 0;

    Set<String> services = new LinkedHashSet<>();
    newest.forEach(i -> services.addAll(i.services()));
    Set<Role> roles = new HashSet<>();
    instances.forEach(i -> roles.add(i.role()));
    List<String> hide = new ArrayList<>();
    if (!roles.contains(Role.CANVAS) && !roles.contains(Role.TEST_ORIGIN)) {
      if (roles.contains(Role.ERROR)) {
        hide.add("ERROR_STAGE");
      }
      if (roles.contains(Role.START_EVENT) || roles.contains(Role.STOP_EVENT)) {
        hide.add("LIFECYCLE_STAGE");
      }
      if (roles.contains(Role.STATS)) {
        hide.add("STATS_AGGREGATOR_STAGE");
      }
    }
    return StageDefinition.builder(library, stageName, version, type)
        .libraryLabel(reference.filter(r -> r.library().equals(library)).map(StageReferences.Reference::libraryLabel).orElse(""))
        .label(label(stageName, instances, reference))
        .configs(configs)
        .services(services.stream().map(s -> new ServiceUse(s, Map.of())).toList())
        .producesEvents(instances.stream().anyMatch(StageInstance::eventLane))
        .outputStreams(outputs)
        .variableOutputStreams(!predicates.isEmpty())
        .outputStreamsDrivenByConfig(predicates)
        .errorStage(roles.contains(Role.ERROR))
        .statsAggregatorStage(roles.contains(Role.STATS))
        .pipelineLifecycleStage(roles.contains(Role.START_EVENT) || roles.contains(Role.STOP_EVENT))
        .hideStage(hide)
        .inferred(true)
        .build();
  }

  private record Observed(String file, JsonNode value) {}

  private static String label(String stageName, List<StageInstance> instances,
      Optional<StageReferences.Reference> reference) {
    if (NOTED_LABELS.containsKey(stageName)) {
      return NOTED_LABELS.get(stageName);
    }
    if (reference.isPresent()) {
      return reference.get().label();
    }
    // The platform names an instance after the definition's label when it is created, and keeps
    // that name when a user relabels the stage: a label that still matches its instance name is
    // the definition's own, while one that does not ("Get current game") is a user's.
    List<String> own = new ArrayList<>();
    List<String> any = new ArrayList<>();
    for (StageInstance i : instances) {
      String l = SPECIAL_PREFIX.matcher(i.uiLabel().strip()).replaceFirst("");
      l = TRAILING_NUMBER.matcher(l).replaceFirst("");
      if (l.isBlank()) {
        continue;
      }
      any.add(l);
      String instancePrefix = INSTANCE_SUFFIX.matcher(i.instanceName()).replaceFirst("");
      if (NOT_IN_INSTANCE_NAMES.matcher(l).replaceAll("").equals(instancePrefix)) {
        own.add(l);
      }
    }
    List<String> labels = !own.isEmpty() ? own : any;
    if (labels.isEmpty()) {
      instances.forEach(i -> labels.add(INSTANCE_SUFFIX.matcher(i.instanceName()).replaceFirst("")));
    }
    return mostCommon(labels, Comparator.naturalOrder());
  }

  private static StageType type(String stageName, List<StageInstance> instances) {
    List<String> types = instances.stream().map(StageInstance::platformType).filter(t -> !t.isEmpty()).toList();
    if (!types.isEmpty()) {
      Optional<StageType> t = StageType.fromPlatform(mostCommon(types, Comparator.naturalOrder()));
      if (t.isPresent()) {
        return t.get();
      }
    }
    // The class name says it when no instance does: ...DSource, ...DTarget, ...DExecutor.
    String simple = stageName.substring(stageName.lastIndexOf('_') + 1);
    if (simple.endsWith("Source")) {
      return StageType.ORIGIN;
    }
    if (simple.endsWith("Target")) {
      return StageType.DESTINATION;
    }
    return simple.endsWith("Executor") ? StageType.EXECUTOR : StageType.PROCESSOR;
  }

  /** A config from the values seen for it; a bean field ({@code topLevel} false) gets no default. */
  private static ConfigDefinition config(String name, List<Observed> seen, boolean topLevel) {
    List<JsonNode> present = seen.stream().map(Observed::value)
        .filter(v -> !v.isNull() && !v.isMissingNode()).toList();
    ConfigType type = ConfigType.STRING;
    Optional<ConfigModel> model = Optional.empty();
    if (!present.isEmpty() && present.stream().allMatch(JsonNode::isBoolean)) {
      type = ConfigType.BOOLEAN;
    } else if (present.stream().anyMatch(JsonNode::isNumber)
        && present.stream().allMatch(v -> v.isNumber() || (v.isTextual() && v.asText().startsWith("${")))) {
      // Numeric configs may also hold an expression such as ${10 * SECONDS}.
      type = ConfigType.NUMBER;
    } else if (!present.isEmpty() && present.stream().allMatch(JsonNode::isArray)) {
      List<Observed> elements = new ArrayList<>();
      seen.forEach(o -> o.value().forEach(e -> elements.add(new Observed(o.file(), e))));
      if (elements.isEmpty() || !elements.stream().allMatch(e -> e.value().isObject())) {
        type = ConfigType.LIST;
      } else if (elements.stream().allMatch(e -> e.value().has("outputLane") && e.value().has("predicate"))) {
        type = ConfigType.MODEL;
        model = Optional.of(new ConfigModel("PREDICATE", List.of(), List.of(), List.of()));
      } else if (elements.stream().allMatch(e -> e.value().size() == 2 && e.value().has("key") && e.value().has("value"))) {
        type = ConfigType.MAP; // the platform stores MAP configs as a list of {key, value}
      } else {
        type = ConfigType.MODEL;
        model = Optional.of(new ConfigModel("LIST_BEAN", List.of(), List.of(), beanConfigs(elements)));
      }
    } else if (present.stream().anyMatch(v -> v.isTextual() && v.asText().contains("\n"))) {
      type = ConfigType.TEXT;
    }
    JsonNode defaultValue = topLevel ? defaultOf(name, seen) : NullNode.getInstance();
    return ConfigDefinition.builder(name, type).defaultValue(defaultValue).model(model.orElse(null)).build();
  }

  private static List<ConfigDefinition> beanConfigs(List<Observed> elements) {
    Map<String, List<Observed>> fields = new LinkedHashMap<>();
    for (Observed e : elements) {
      e.value().properties().forEach(f ->
          fields.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(new Observed(e.file(), f.getValue())));
    }
    List<ConfigDefinition> beans = new ArrayList<>();
    fields.forEach((field, seen) -> beans.add(config(field, seen, false)));
    return beans;
  }

  /**
   * The value most instances hold (the first seen on a tie). It is kept only when it is harmless
   * (a boolean, a number, or empty) or when pipelines of at least two repositories hold it, so a
   * value one author typed (a host, a query) does not become everyone's default; configs whose
   * name suggests a secret never get one.
   */
  private static JsonNode defaultOf(String name, List<Observed> seen) {
    String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (SECRET.matcher(last).find()) {
      return NullNode.getInstance();
    }
    Map<JsonNode, Set<String>> repositories = new LinkedHashMap<>();
    Map<JsonNode, Integer> counts = new LinkedHashMap<>();
    for (Observed o : seen) {
      JsonNode v = o.value().isMissingNode() ? NullNode.getInstance() : o.value();
      counts.merge(v, 1, Integer::sum);
      repositories.computeIfAbsent(v, k -> new HashSet<>()).add(repository(o.file()));
    }
    JsonNode best = null;
    for (Map.Entry<JsonNode, Integer> e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) {
        best = e.getKey();
      }
    }
    if (best == null) {
      return NullNode.getInstance();
    }
    boolean harmless = best.isBoolean() || best.isNumber() || best.isNull()
        || (best.isTextual() && best.asText().isEmpty())
        || (best.isContainerNode() && best.size() == 0);
    return harmless || repositories.get(best).size() >= 2 ? best : NullNode.getInstance();
  }

  /** Corpus files are named {@code owner__repository__path}. */
  private static String repository(String file) {
    String[] parts = file.split("__", 3);
    return parts.length < 3 ? file : parts[0] + "__" + parts[1];
  }

  /** The most frequent value; ties go to the smallest by {@code order}, so the result is stable. */
  private static <T> T mostCommon(List<T> values, Comparator<T> order) {
    Map<T, Integer> counts = new LinkedHashMap<>();
    values.forEach(v -> counts.merge(v, 1, Integer::sum));
    return counts.entrySet().stream()
        .max(Comparator.<Map.Entry<T, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey, order.reversed()))
        .orElseThrow().getKey();
  }
}
