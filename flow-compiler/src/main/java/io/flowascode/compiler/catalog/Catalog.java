package io.flowascode.compiler.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stage, service and pipeline-config definitions a flow is compiled against: the bundled
 * catalog, optionally overlaid by a user's own definitions (which win on the same stage and
 * version).
 */
public final class Catalog {
  private final List<StageDefinition> stages;
  private final Map<String, ServiceDefinition> services;
  private final List<ConfigDefinition> pipelineConfigs;
  private final ElCatalog el;
  private final Map<String, List<StageDefinition>> byLabel = new LinkedHashMap<>();
  private final Map<String, List<StageDefinition>> byName = new LinkedHashMap<>();

  public Catalog(
      Collection<StageDefinition> stages,
      Collection<ServiceDefinition> services,
      List<ConfigDefinition> pipelineConfigs) {
    this(stages, services, pipelineConfigs, ElCatalog.EMPTY);
  }

  public Catalog(
      Collection<StageDefinition> stages,
      Collection<ServiceDefinition> services,
      List<ConfigDefinition> pipelineConfigs,
      ElCatalog el) {
    // Keyed by library, name and version so that an overlay replaces rather than duplicates.
    Map<String, StageDefinition> unique = new LinkedHashMap<>();
    for (StageDefinition s : stages) {
      unique.put(s.library() + "::" + s.name() + "::" + s.version(), s);
    }
    this.stages = List.copyOf(unique.values());
    Map<String, ServiceDefinition> svc = new LinkedHashMap<>();
    for (ServiceDefinition s : services) {
      svc.put(s.provides(), s);
    }
    this.services = Map.copyOf(svc);
    this.pipelineConfigs = List.copyOf(pipelineConfigs);
    this.el = el;
    for (StageDefinition s : this.stages) {
      byLabel.computeIfAbsent(s.label(), k -> new ArrayList<>()).add(s);
      byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
    }
    byLabel.values().forEach(l -> l.sort(PREFERRED_FIRST));
    byName.values().forEach(l -> l.sort(PREFERRED_FIRST));
  }

  /**
   * The order in which a flow that names no version picks a definition: the version the engine
   * publishes, then published definitions before inferred ones, then the newest. A version seen
   * only in some other engine's export is never preferred to the engine's own.
   */
  public static final Comparator<StageDefinition> PREFERRED_FIRST = Comparator
      .comparing((StageDefinition s) -> !s.fromEngine())
      .thenComparing(StageDefinition::inferred)
      .thenComparing(Comparator.comparingLong((StageDefinition s) -> versionNumber(s.version())).reversed());

  /** This catalog with another's definitions laid over it. */
  public Catalog overlay(Catalog other) {
    List<StageDefinition> all = new ArrayList<>();
    // Definitions read from an engine say which engine the flow is for: the versions this
    // catalog called the engine's own are then only alternatives.
    boolean otherIsEngine = other.stages.stream().anyMatch(StageDefinition::fromEngine);
    for (StageDefinition s : stages) {
      all.add(otherIsEngine && s.fromEngine() ? s.toBuilder().fromEngine(false).build() : s);
    }
    all.addAll(other.stages);
    Map<String, ServiceDefinition> svc = new LinkedHashMap<>(services);
    svc.putAll(other.services);
    List<ConfigDefinition> pipeline = other.pipelineConfigs.isEmpty() ? pipelineConfigs : other.pipelineConfigs;
    return new Catalog(all, svc.values(), pipeline, el.merge(other.el));
  }

  public List<StageDefinition> stages() {
    return stages;
  }

  public Collection<ServiceDefinition> services() {
    return services.values();
  }

  public Optional<ServiceDefinition> service(String provides) {
    return Optional.ofNullable(services.get(provides));
  }

  /** The pipeline-level configuration definitions (executionMode, deliveryGuarantee, ...). */
  public List<ConfigDefinition> pipelineConfigs() {
    return pipelineConfigs;
  }

  /** The expression-language functions and constants the definitions publish. */
  public ElCatalog el() {
    return el;
  }

  /** Stages with this label, the preferred definition first ({@link #PREFERRED_FIRST}). */
  public List<StageDefinition> byLabel(String label) {
    return byLabel.getOrDefault(label, List.of());
  }

  /** Stages with this stage name, the preferred definition first ({@link #PREFERRED_FIRST}). */
  public List<StageDefinition> byName(String name) {
    return byName.getOrDefault(name, List.of());
  }

  public Collection<String> labels() {
    return byLabel.keySet();
  }

  public Optional<StageDefinition> find(String library, String name, String version) {
    for (StageDefinition s : byName(name)) {
      if (s.library().equals(library) && s.version().equals(version)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The same stage in any library and version, newest first, for when the exact one is absent. */
  public Optional<StageDefinition> findClosest(String library, String name, String version) {
    Optional<StageDefinition> exact = find(library, name, version);
    if (exact.isPresent()) {
      return exact;
    }
    List<StageDefinition> candidates = byName(name);
    for (StageDefinition s : candidates) {
      if (s.version().equals(version)) {
        return Optional.of(s);
      }
    }
    for (StageDefinition s : candidates) {
      if (s.library().equals(library)) {
        return Optional.of(s);
      }
    }
    return candidates.stream().findFirst();
  }

  /** Parses `"12"` as 12 for ordering; unparsable versions sort first. */
  public static long versionNumber(String version) {
    try {
      return Long.parseLong(version.trim());
    } catch (NumberFormatException | NullPointerException e) {
      return -1;
    }
  }
}
