package io.flowascode.engine.diff;

import io.flowascode.compiler.verify.PipelineEnvelope;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.diff.DiffView.StageView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which remote stage each stage of a flow is, so that the flow keeps the remote's instance names
 * (see {@code io.flowascode.compiler.identity.StableNames}): as Terraform keeps a resource's
 * address bound to its remote object in its state, a stage's id in the file stays bound to its
 * instance name on the target, however the file's blocks move.
 *
 * <p>In order of trust: the ids apply recorded in the remote's metadata ({@value #METADATA_KEY},
 * kept by Data Collector's and IBM's saves); then, for flows this tool never wrote (adopted after
 * an import), the remote stage of the same kind configured alike with alike neighbours, then
 * configured alike, then with alike neighbours; last, the name the stage has in file order, when
 * the remote has a stage of that kind under it. A remote stage is bound to one file stage at most,
 * equal candidates pair in file order and name order, and stages the file pins keep their pins.
 */
public final class StageIdentities {
  /** The metadata entry where apply records each stage's id and instance name. */
  public static final String METADATA_KEY = "flowStageIds";

  private StageIdentities() {}

  /**
   * The instance names the flow's stages have on the target.
   *
   * @param names each file stage's instance name as compiled (in file order), by id
   * @param pinned ids whose names the file pins; they keep them
   * @param desired the pipeline the flow compiles to with those names
   * @param remote the pipeline on the target
   * @return for the stages that exist on the target, their instance names there, by id
   */
  public static Map<String, String> onRemote(Map<String, String> names, Set<String> pinned, JsonNode desired,
      JsonNode remote, Catalog catalog) {
    DefinitionLookup defs = new DefinitionLookup(catalog);
    DiffView want = DiffView.of(desired);
    DiffView have = DiffView.of(remote);
    Map<String, String> bound = new LinkedHashMap<>();
    // File stages still to bind, in file order, and remote stages still free, in name order.
    Map<String, StageView> open = new LinkedHashMap<>();
    names.forEach((id, name) -> {
      StageView s = want.stages().get(name);
      if (s != null && !pinned.contains(id)) {
        open.put(id, s);
      }
    });
    Map<String, StageView> free = new TreeMap<>(have.stages());
    pinned.forEach(id -> free.remove(names.get(id)));

    JsonNode recorded = remote == null ? null : PipelineEnvelope.unwrap(remote).path("metadata").path(METADATA_KEY);
    if (recorded != null && recorded.isObject()) {
      for (String id : new ArrayList<>(open.keySet())) {
        String name = recorded.path(id).asText("");
        StageView there = free.get(name);
        if (there != null && sameKind(open.get(id), there)) {
          bind(id, name, bound, open, free);
        }
      }
    }
    Map<String, String> printWant = prints(want, defs);
    Map<String, String> printHave = prints(have, defs);
    Map<String, String> edgesWant = neighbours(want, printWant);
    Map<String, String> edgesHave = neighbours(have, printHave);
    List<Function<StageView, String>> wantKeys = List.of(
        s -> printWant.get(s.instance()) + edgesWant.get(s.instance()),
        s -> printWant.get(s.instance()),
        s -> kind(s) + edgesWant.get(s.instance()));
    List<Function<StageView, String>> haveKeys = List.of(
        s -> printHave.get(s.instance()) + edgesHave.get(s.instance()),
        s -> printHave.get(s.instance()),
        s -> kind(s) + edgesHave.get(s.instance()));
    for (int pass = 0; pass < wantKeys.size(); pass++) {
      Map<String, List<String>> candidates = new LinkedHashMap<>();
      for (StageView s : free.values()) {
        candidates.computeIfAbsent(haveKeys.get(pass).apply(s), k -> new ArrayList<>()).add(s.instance());
      }
      for (String id : new ArrayList<>(open.keySet())) {
        List<String> list = candidates.get(wantKeys.get(pass).apply(open.get(id)));
        if (list != null && !list.isEmpty()) {
          bind(id, list.remove(0), bound, open, free);
        }
      }
    }
    for (String id : new ArrayList<>(open.keySet())) {
      StageView there = free.get(names.get(id));
      if (there != null && sameKind(open.get(id), there)) {
        bind(id, there.instance(), bound, open, free);
      }
    }
    return bound;
  }

  private static void bind(String id, String name, Map<String, String> bound, Map<String, StageView> open,
      Map<String, StageView> free) {
    bound.put(id, name);
    open.remove(id);
    free.remove(name);
  }

  private static String kind(StageView s) {
    return s.ref().stageName() + '\n';
  }

  private static boolean sameKind(StageView a, StageView b) {
    return java.util.Objects.equals(a.ref().stageName(), b.ref().stageName());
  }

  private static Map<String, String> prints(DiffView p, DefinitionLookup defs) {
    Map<String, String> out = new HashMap<>();
    p.stages().forEach((name, s) -> out.put(name, StageFingerprint.of(s, defs)));
    return out;
  }

  /** Each stage's connections, the stages at their other ends described by kind and configuration. */
  private static Map<String, String> neighbours(DiffView p, Map<String, String> prints) {
    Map<String, List<String>> edges = new HashMap<>();
    p.stages().keySet().forEach(n -> edges.put(n, new ArrayList<>()));
    Set<String> seen = new HashSet<>();
    for (Connection c : Topology.of(p)) {
      if (!seen.add(c.key())) {
        continue;
      }
      edges.get(c.from()).add("out " + c.kind() + ' ' + c.port() + " -> " + prints.get(c.to()));
      edges.get(c.to()).add("in " + c.kind() + ' ' + c.port() + " <- " + prints.get(c.from()));
    }
    Map<String, String> out = new HashMap<>();
    edges.forEach((n, list) -> {
      list.sort(null);
      out.put(n, "\n#edges\n" + String.join("\n", list));
    });
    return out;
  }
}
