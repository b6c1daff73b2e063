package io.flowascode.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.ServiceUse;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.engine.diff.Change.ConfigChanged;
import io.flowascode.engine.diff.Change.ConnectionAdded;
import io.flowascode.engine.diff.Change.ConnectionRemoved;
import io.flowascode.engine.diff.Change.DescriptionChanged;
import io.flowascode.engine.diff.Change.LabelsChanged;
import io.flowascode.engine.diff.Change.ParameterChanged;
import io.flowascode.engine.diff.Change.ServiceChanged;
import io.flowascode.engine.diff.Change.ServiceConfigChanged;
import io.flowascode.engine.diff.Change.SettingChanged;
import io.flowascode.engine.diff.Change.SpecialStageChanged;
import io.flowascode.engine.diff.Change.StageAdded;
import io.flowascode.engine.diff.Change.StageDefinitionChanged;
import io.flowascode.engine.diff.Change.StageDescriptionChanged;
import io.flowascode.engine.diff.Change.StageLabelChanged;
import io.flowascode.engine.diff.Change.StageRemoved;
import io.flowascode.engine.diff.Change.StageRenamed;
import io.flowascode.engine.diff.Change.TitleChanged;
import io.flowascode.engine.diff.ConfigComparison.Difference;
import io.flowascode.engine.diff.ConfigComparison.Side;
import io.flowascode.engine.diff.DiffView.ServiceView;
import io.flowascode.engine.diff.DiffView.StageView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the semantic difference between the remote pipeline and the desired one: what a
 * reviewer would call a change, and nothing the platform rewrites on its own (uuid, info, issues,
 * stage order, positions, lane names, configs left at their defaults).
 *
 * <p>Stages match by instance name; the remaining removed and added stages that are configured
 * alike and sit between the same neighbours are reported as renames. Connections are compared as
 * topology ({@link Topology}); Stream Selector conditions are paired first ({@link
 * PredicateAlignment}) so an edited condition is one change. Linear in the size of both pipelines
 * (hash maps throughout), apart from sorting what is reported.
 */
public final class FlowDiffer {
  /**
   * The changes that turn {@code before} into {@code after}.
   *
   * @param before the remote pipeline JSON; null for a flow that does not exist yet (everything
   *     in {@code after} is then compared with an empty pipeline at its defaults)
   * @param after the desired pipeline JSON; null for a flow to delete (only its stages and
   *     connections are then reported, as removed)
   * @param catalog the definitions for defaults and readable names; null for none
   */
  public FlowDiff diff(JsonNode before, JsonNode after, Catalog catalog) {
    DefinitionLookup defs = new DefinitionLookup(catalog);
    boolean deleting = after == null || after.isNull() || after.isMissingNode();
    return new Comparison(defs, DiffView.of(before), DiffView.of(after), deleting).diff();
  }

  /** One diff: the two views and what has been found so far. */
  private static final class Comparison {
    private final DefinitionLookup defs;
    private final DiffView before;
    private final DiffView after;
    private final boolean deleting;
    private final List<Change> pipeline = new ArrayList<>();
    private final List<Change> structure = new ArrayList<>();
    private final Map<String, List<Change>> perStage = new TreeMap<>();

    Comparison(DefinitionLookup defs, DiffView before, DiffView after, boolean deleting) {
      this.defs = defs;
      this.before = before;
      this.after = after;
      this.deleting = deleting;
    }

    FlowDiff diff() {
      if (!deleting) {
        pipelineLevel();
      }
      Set<String> kept = new TreeSet<>();
      Set<String> removed = new TreeSet<>();
      Set<String> added = new TreeSet<>();
      for (String name : before.stages().keySet()) {
        (after.stages().containsKey(name) ? kept : removed).add(name);
      }
      for (String name : after.stages().keySet()) {
        if (!before.stages().containsKey(name)) {
          added.add(name);
        }
      }

      // Conditions first: their pairing decides which remote port is which desired port.
      Map<String, Map<String, Topology.Port>> portMaps = new HashMap<>();
      for (String name : kept) {
        StageView b = before.stages().get(name);
        StageView a = after.stages().get(name);
        if (b.isSelector() || a.isSelector()) {
          PredicateAlignment alignment = PredicateAlignment.align(
              name, orEmpty(b.predicates()), orEmpty(a.predicates()));
          stageChanges(name).addAll(alignment.changes());
          portMaps.put(name, alignment.portMap());
        }
      }
      List<Connection> beforeConnections = new ArrayList<>();
      for (Connection c : Topology.of(before)) {
        Map<String, Topology.Port> ports = portMaps.get(c.from());
        Topology.Port p = ports == null ? null : ports.get(c.port());
        beforeConnections.add(p == null ? c : c.withPort(p.id(), p.label()));
      }
      List<Connection> afterConnections = Topology.of(after);

      Map<String, String> renames = RenameDetector.find(
          removed,
          added,
          name -> StageFingerprint.of(before.stages().get(name), defs),
          name -> StageFingerprint.of(after.stages().get(name), defs),
          beforeConnections,
          afterConnections);

      structure(removed, added, renames);
      for (String name : kept) {
        compareStage(name, before.stages().get(name), after.stages().get(name));
      }
      renames.forEach((from, to) -> compareStage(to, before.stages().get(from), after.stages().get(to)));

      List<Change> out = new ArrayList<>(pipeline);
      out.addAll(structure);
      perStage.values().forEach(out::addAll);
      out.addAll(connections(beforeConnections, afterConnections, renames));
      return new FlowDiff(out);
    }

    // ---- pipeline level -------------------------------------------------------------------

    private void pipelineLevel() {
      if (!Objects.equals(blankToNull(before.title()), blankToNull(after.title()))) {
        pipeline.add(new TitleChanged(before.title(), after.title()));
      }
      if (!Objects.equals(blankToNull(before.description()), blankToNull(after.description()))) {
        pipeline.add(new DescriptionChanged(before.description(), after.description()));
      }
      if (!before.labels().equals(after.labels())) {
        pipeline.add(new LabelsChanged(before.labels(), after.labels()));
      }
      parameters();
      Map<String, ConfigDefinition> settingDefs = defs.pipelineConfigs();
      for (Difference d : ConfigComparison.compare(
          Side.of(plainSettings(before), settingDefs), Side.of(plainSettings(after), settingDefs))) {
        pipeline.add(new SettingChanged(d.name(), d.attribute(), d.before(), d.after(), d.sensitive()));
      }
      for (SpecialStage role : SpecialStage.values()) {
        specialStage(role);
      }
    }

    private void parameters() {
      Set<String> keys = new TreeSet<>(before.parameters().keySet());
      keys.addAll(after.parameters().keySet());
      for (String key : keys) {
        boolean inBefore = before.parameters().containsKey(key);
        boolean inAfter = after.parameters().containsKey(key);
        JsonNode b = before.parameters().get(key);
        JsonNode a = after.parameters().get(key);
        if (inBefore && inAfter && JsonValues.equivalent(b, a)) {
          continue;
        }
        boolean sensitive = Sensitivity.secretName(key) || Sensitivity.carriesSecret(b) || Sensitivity.carriesSecret(a);
        pipeline.add(new ParameterChanged(
            key,
            !inBefore ? null : sensitive ? Sensitivity.REDACTED : b,
            !inAfter ? null : sensitive ? Sensitivity.REDACTED : a,
            sensitive));
      }
    }

    private static Map<String, JsonNode> plainSettings(DiffView p) {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      p.settings().forEach((name, value) -> {
        if (!SpecialStage.isMirrorSetting(name)) {
          out.put(name, value);
        }
      });
      return out;
    }

    private void specialStage(SpecialStage role) {
      StageView b = before.specialStages().get(role);
      StageView a = after.specialStages().get(role);
      StageRef bRef = specialRef(before, role);
      StageRef aRef = specialRef(after, role);
      if (bRef == null && aRef == null) {
        return;
      }
      if (bRef == null || !bRef.sameDefinition(aRef)) {
        pipeline.add(new SpecialStageChanged(role, defs.labelled(bRef), defs.labelled(aRef)));
      }
      String instance = a != null ? a.instance() : b != null ? b.instance() : role.word();
      compareContent(instance, b, a, bRef, aRef, pipeline);
    }

    /** The special stage's definition: its object, else the mirror setting, else the default. */
    private StageRef specialRef(DiffView p, SpecialStage role) {
      StageView stage = p.specialStages().get(role);
      if (stage != null) {
        return stage.ref();
      }
      JsonNode setting = p.settings().get(role.setting());
      if (setting == null) {
        ConfigDefinition def = defs.pipelineConfigs().get(role.setting());
        setting = def == null ? null : def.defaultValue();
      }
      return setting != null && setting.isTextual() ? StageRef.parseReference(setting.asText()) : null;
    }

    // ---- stages ---------------------------------------------------------------------------

    private void structure(Set<String> removed, Set<String> added, Map<String, String> renames) {
      Map<String, List<Change>> byName = new TreeMap<>();
      for (String name : removed) {
        if (!renames.containsKey(name)) {
          StageView s = before.stages().get(name);
          byName.computeIfAbsent(name, k -> new ArrayList<>())
              .add(new StageRemoved(name, defs.labelled(s.ref()), s.label()));
        }
      }
      Set<String> renamedTo = new TreeSet<>(renames.values());
      renames.forEach((from, to) -> byName.computeIfAbsent(to, k -> new ArrayList<>())
          .add(new StageRenamed(from, to, defs.labelled(after.stages().get(to).ref()))));
      for (String name : added) {
        if (!renamedTo.contains(name)) {
          StageView s = after.stages().get(name);
          byName.computeIfAbsent(name, k -> new ArrayList<>())
              .add(new StageAdded(name, defs.labelled(s.ref()), s.label()));
        }
      }
      byName.values().forEach(structure::addAll);
    }

    private List<Change> stageChanges(String name) {
      return perStage.computeIfAbsent(name, k -> new ArrayList<>());
    }

    private void compareStage(String name, StageView b, StageView a) {
      List<Change> out = new ArrayList<>();
      if (!b.ref().sameDefinition(a.ref())) {
        out.add(new StageDefinitionChanged(name, defs.labelled(b.ref()), defs.labelled(a.ref())));
      }
      if (!Objects.equals(blankToNull(b.label()), blankToNull(a.label()))) {
        out.add(new StageLabelChanged(name, b.label(), a.label()));
      }
      if (!Objects.equals(blankToNull(b.description()), blankToNull(a.description()))) {
        out.add(new StageDescriptionChanged(name, b.description(), a.description()));
      }
      compareContent(name, b, a, b.ref(), a.ref(), out);
      if (!out.isEmpty()) {
        // Predicate changes, found earlier, go last within the stage.
        List<Change> existing = perStage.remove(name);
        if (existing != null) {
          out.addAll(existing);
        }
        perStage.put(name, out);
      }
    }

    /** Configs and services of a stage; either side may be absent (a special stage's defaults). */
    private void compareContent(
        String name, StageView b, StageView a, StageRef bRef, StageRef aRef, List<Change> out) {
      Optional<StageDefinition> bDef = defs.stage(bRef);
      Optional<StageDefinition> aDef = defs.stage(aRef);
      for (Difference d : ConfigComparison.compare(
          Side.of(b == null ? Map.of() : b.configs(), defs.configs(bDef)),
          Side.of(a == null ? Map.of() : a.configs(), defs.configs(aDef)))) {
        out.add(new ConfigChanged(name, d.name(), d.attribute(), d.before(), d.after(), d.sensitive()));
      }
      Map<String, ServiceView> bServices = b == null ? Map.of() : b.services();
      Map<String, ServiceView> aServices = a == null ? Map.of() : a.services();
      Set<String> names = new TreeSet<>(bServices.keySet());
      names.addAll(aServices.keySet());
      for (String service : names) {
        compareService(name, service, bServices.get(service), aServices.get(service), bDef, aDef, out);
      }
    }

    private void compareService(
        String instance,
        String service,
        ServiceView b,
        ServiceView a,
        Optional<StageDefinition> bDef,
        Optional<StageDefinition> aDef,
        List<Change> out) {
      Optional<ServiceUse> bUse = DefinitionLookup.serviceUse(bDef, service);
      Optional<ServiceUse> aUse = DefinitionLookup.serviceUse(aDef, service);
      // The platform adds a service the definition declares but the JSON lacks, at its defaults.
      boolean inBefore = b != null || bUse.isPresent();
      boolean inAfter = a != null || aUse.isPresent();
      if (!inBefore || !inAfter) {
        out.add(new ServiceChanged(instance, service, inBefore ? versionOf(b, service) : null,
            inAfter ? versionOf(a, service) : null));
        return;
      }
      if (b != null && a != null && b.version() != null && a.version() != null
          && !b.version().equals(a.version())) {
        out.add(new ServiceChanged(instance, service, b.version(), a.version()));
      }
      Map<String, ConfigDefinition> serviceDefs = defs.serviceConfigs(defs.service(service));
      Side bSide = new Side(b == null ? Map.of() : b.configs(), serviceDefs,
          bUse.map(ServiceUse::configuration).orElse(Map.of()));
      Side aSide = new Side(a == null ? Map.of() : a.configs(), serviceDefs,
          aUse.map(ServiceUse::configuration).orElse(Map.of()));
      for (Difference d : ConfigComparison.compare(bSide, aSide)) {
        out.add(new ServiceConfigChanged(
            instance, service, d.name(), d.attribute(), d.before(), d.after(), d.sensitive()));
      }
    }

    private Integer versionOf(ServiceView view, String service) {
      if (view != null && view.version() != null) {
        return view.version();
      }
      return defs.service(service).map(ServiceDefinition::version).orElse(null);
    }

    // ---- connections ----------------------------------------------------------------------

    private static List<Change> connections(
        List<Connection> beforeConnections, List<Connection> afterConnections, Map<String, String> renames) {
      Map<String, Connection> remote = new LinkedHashMap<>();
      for (Connection c : beforeConnections) {
        Connection renamed = c.renamed(renames.getOrDefault(c.from(), c.from()), renames.getOrDefault(c.to(), c.to()));
        remote.put(renamed.key(), renamed);
      }
      Map<String, Connection> desired = new LinkedHashMap<>();
      for (Connection c : afterConnections) {
        desired.put(c.key(), c);
      }
      List<Change> out = new ArrayList<>();
      remote.forEach((key, c) -> {
        if (!desired.containsKey(key)) {
          out.add(new ConnectionRemoved(c));
        }
      });
      desired.forEach((key, c) -> {
        if (!remote.containsKey(key)) {
          out.add(new ConnectionAdded(c));
        }
      });
      out.sort(Comparator.comparing(FlowDiffer::connectionOf, Topology.ORDER)
          .thenComparing(c -> c instanceof ConnectionAdded));
      return out;
    }
  }

  private static Connection connectionOf(Change c) {
    return c instanceof ConnectionAdded a ? a.connection() : ((ConnectionRemoved) c).connection();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
