package io.flowascode.compiler.catalog;

import io.flowascode.compiler.catalog.CorpusPipelines.CorpusFile;
import io.flowascode.compiler.catalog.CorpusPipelines.StageInstance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generates the bundled catalog ({@code src/main/resources/io/flowascode/compiler/catalog/bundled})
 * from the platform material in {@code shared/}.
 *
 * <p>What goes in, and which version wins:
 * <ol>
 *   <li>every stage, service and pipeline config of the real Data Collector's definitions
 *       ({@code platform/definitions/sdc-basic-dev-definitions.json}), and its expression-language
 *       catalog; this is the reference engine (Data Collector 3.22.2), whose versions a flow gets
 *       when it names none;
 *   <li>every other published stage definition ({@code platform/examples/sdc-definitions-subset.json}
 *       and the {@code libraryDefinitions} of corpus exports): the newest version per library and
 *       stage, plus any older version a corpus pipeline uses, so importing that pipeline finds its
 *       exact definition. When several files publish the same version, the real definitions win,
 *       then the subset, then the corpus files in name order. Services come at the real engine's
 *       version (a service it lacks at the newest version published);
 *   <li>every stage a corpus pipeline uses (on the canvas or as error, stats or lifecycle stage)
 *       that no file publishes under that stage name, reconstructed by {@link StageInference}
 *       (one definition at the newest version seen; older versions resolve through
 *       {@link Catalog#findClosest});
 *   <li>the hand-written definitions in {@code generator/documented-stages.json} for stages the
 *       seed page needs that appear nowhere else (Amazon SQS Consumer, the Amazon S3 executor),
 *       written from the platform notes and the stages' public source.
 * </ol>
 * One file per stage library plus {@code pipeline.json} (services and pipeline configs), listed in
 * {@code index.txt}.
 *
 * <p>Run {@code main} with the shared directory and the output directory, or run
 * {@code BundledCatalogIsUpToDateTest} with {@code -Dflow.catalog.regenerate=true}.
 */
public final class CatalogGenerator {
  static final String RESOURCE_DIR = "src/main/resources/io/flowascode/compiler/catalog/bundled";
  private static final String DOCUMENTED = "generator/documented-stages.json";
  private static final Set<String> SYSTEM_CONFIGS =
      Set.of("stageOnRecordError", "stageRequiredFields", "stageRecordPreconditions");

  /** The generated catalog, its files (name to content) and what the summary reports. */
  record Result(Catalog catalog, Map<String, String> files, int published, int inferred) {
    String summary() {
      long bytes = files.values().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
      return "bundled catalog: " + catalog.stages().size() + " stages (" + published + " published, "
          + inferred + " inferred), " + catalog.services().size() + " services, "
          + catalog.pipelineConfigs().size() + " pipeline configs; " + files.size() + " files, "
          + bytes + " bytes";
    }
  }

  private CatalogGenerator() {}

  public static void main(String[] args) throws Exception {
    Path shared = Path.of(args.length > 0 ? args[0] : System.getProperty("flow.shared.dir", "../shared"));
    Path out = Path.of(args.length > 1 ? args[1] : RESOURCE_DIR);
    Result result = generate(shared);
    write(result, out);
    System.out.println(result.summary());
    System.out.println("written to " + out.toAbsolutePath().normalize());
  }

  static Result generate(Path shared) throws IOException, DefinitionsException {
    Catalog platform = DefinitionsFiles.read(shared.resolve("platform/definitions/sdc-basic-dev-definitions.json"));
    Catalog subset = notTheEngine(DefinitionsFiles.read(shared.resolve("platform/examples/sdc-definitions-subset.json")));
    List<CorpusFile> corpus = CorpusPipelines.read(shared.resolve("corpus/pipelines"));
    List<Catalog> sources = new ArrayList<>(List.of(platform, subset));
    for (CorpusFile f : corpus) {
      if (f.libraryDefinitions() != null) {
        sources.add(notTheEngine(PlatformDefinitionsReader.readEnvelope(f.root())));
      }
    }
    List<StageInstance> instances = CorpusPipelines.instances(corpus);

    Map<String, StageDefinition> stages = withEngineFrameworkConfigs(publishedStages(platform, sources, instances),
        systemConfigs(platform));
    Set<String> published = new HashSet<>();
    stages.values().forEach(s -> published.add(s.name()));
    int publishedCount = stages.size();

    StageReferences references = new StageReferences();
    sources.forEach(c -> references.addAll(c.pipelineConfigs()));
    StageInference inference = new StageInference(references, systemConfigs(platform));
    Map<String, List<StageInstance>> byName = new TreeMap<>();
    instances.stream().filter(i -> !published.contains(i.stageName()))
        .forEach(i -> byName.computeIfAbsent(i.stageName(), k -> new ArrayList<>()).add(i));
    byName.forEach((name, uses) -> put(stages, inference.infer(name, uses)));
    for (StageDefinition s : documentedStages().stages()) {
      if (stages.values().stream().noneMatch(k -> k.name().equals(s.name()))) {
        put(stages, s);
      }
    }

    // Services: the real engine's version, so that what we emit runs there; a service it lacks
    // comes in at the newest version published.
    Map<String, ServiceDefinition> services = new TreeMap<>();
    platform.services().forEach(s -> services.put(s.provides(), s));
    for (Catalog c : sources.subList(1, sources.size())) {
      for (ServiceDefinition s : c.services()) {
        if (platform.service(s.provides()).isEmpty()) {
          services.merge(s.provides(), s, (a, b) -> b.version() > a.version() ? b : a);
        }
      }
    }
    Catalog catalog = new Catalog(stages.values(), services.values(), platform.pipelineConfigs(), platform.el());
    return new Result(catalog, files(catalog), publishedCount, stages.size() - publishedCount);
  }

  private static Map<String, StageDefinition> publishedStages(
      Catalog platform, List<Catalog> sources, List<StageInstance> instances) {
    Map<String, StageDefinition> all = new LinkedHashMap<>();
    Map<String, Long> newest = new LinkedHashMap<>();
    for (Catalog c : sources) {
      for (StageDefinition s : c.stages()) {
        all.putIfAbsent(s.reference(), s);
        newest.merge(s.library() + "::" + s.name(), Catalog.versionNumber(s.version()), Math::max);
      }
    }
    Set<String> used = new HashSet<>();
    instances.forEach(i -> used.add(i.library() + "::" + i.stageName() + "::" + i.version()));
    Map<String, StageDefinition> kept = new TreeMap<>();
    platform.stages().forEach(s -> kept.put(s.reference(), s));
    for (StageDefinition s : all.values()) {
      boolean isNewest = Catalog.versionNumber(s.version()) == newest.get(s.library() + "::" + s.name());
      if (isNewest || used.contains(s.reference())) {
        kept.putIfAbsent(s.reference(), s);
      }
    }
    return kept;
  }

  /**
   * Definitions exported by other engines: their versions are alternatives a pipeline may name,
   * never the version a flow gets by default (the reference engine's is).
   */
  private static Catalog notTheEngine(Catalog c) {
    return new Catalog(c.stages().stream().map(s -> s.toBuilder().fromEngine(false).build()).toList(),
        c.services(), c.pipelineConfigs(), c.el());
  }

  private static void put(Map<String, StageDefinition> stages, StageDefinition s) {
    stages.put(s.reference(), s);
  }

  /**
   * Every stage's framework configs (on-record-error, required fields, preconditions) as the
   * reference engine defines them: exports of older engines leave some defaults out (a
   * precondition list without its empty default), which would make every such stage look
   * unconfigured, while the engine a flow is for gives each stage its own framework's.
   */
  private static Map<String, StageDefinition> withEngineFrameworkConfigs(Map<String, StageDefinition> stages,
      Map<String, ConfigDefinition> framework) {
    Map<String, StageDefinition> out = new TreeMap<>();
    stages.forEach((k, s) -> {
      if (s.fromEngine()) {
        out.put(k, s);
        return;
      }
      List<ConfigDefinition> configs = s.configs().stream()
          .map(c -> framework.containsKey(c.name()) ? framework.get(c.name()) : c).toList();
      out.put(k, s.toBuilder().configs(configs).build());
    });
    return out;
  }

  /** The framework's own configs, as the real definitions publish them on their first stage that has each. */
  private static Map<String, ConfigDefinition> systemConfigs(Catalog platform) {
    Map<String, ConfigDefinition> configs = new LinkedHashMap<>();
    for (StageDefinition s : platform.stages()) {
      for (ConfigDefinition c : s.configs()) {
        if (SYSTEM_CONFIGS.contains(c.name())) {
          configs.putIfAbsent(c.name(), c);
        }
      }
    }
    return configs;
  }

  private static Catalog documentedStages() throws IOException, DefinitionsException {
    try (InputStream in = CatalogGenerator.class.getResourceAsStream(DOCUMENTED)) {
      if (in == null) {
        throw new IOException("missing test resource " + DOCUMENTED);
      }
      return CatalogFormat.read(in);
    }
  }

  /** {@code pipeline.json}, one file per library, and the index listing them. */
  private static Map<String, String> files(Catalog catalog) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("pipeline.json", CatalogFormat.write(new Catalog(List.of(), catalog.services(), catalog.pipelineConfigs(), catalog.el())));
    Map<String, List<StageDefinition>> byLibrary = new TreeMap<>();
    catalog.stages().forEach(s -> byLibrary.computeIfAbsent(s.library(), k -> new ArrayList<>()).add(s));
    byLibrary.forEach((library, stages) ->
        files.put(library + ".json", CatalogFormat.write(new Catalog(stages, List.of(), List.of()))));
    StringBuilder index = new StringBuilder(
        "# Generated by CatalogGenerator (flow-compiler test sources); do not edit by hand.\n");
    files.keySet().forEach(name -> index.append(name).append('\n'));
    Map<String, String> withIndex = new LinkedHashMap<>();
    withIndex.put("index.txt", index.toString());
    withIndex.putAll(files);
    return withIndex;
  }

  /** Writes the files and removes generated files that are no longer part of the catalog. */
  static void write(Result result, Path out) throws IOException {
    Files.createDirectories(out);
    try (Stream<Path> old = Files.list(out)) {
      for (Path p : old.toList()) {
        if (!result.files().containsKey(p.getFileName().toString())) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, String> f : result.files().entrySet()) {
      Files.writeString(out.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
  }
}
