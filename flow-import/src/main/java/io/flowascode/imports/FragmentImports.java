package io.flowascode.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.fragment.FragmentInstantiation;
import io.flowascode.compiler.fragment.FragmentKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fragments a pipeline uses, read the way the engine reads them (a placeholder stage and the
 * copy in {@code fragments} with the same fragment id and instance id), each taken back to the
 * fragment it was made from ({@link FragmentInstantiation#extract}) and to the use the flow
 * writes: the instance id, the parameter prefix, the values the pipeline gives the fragment's
 * parameters, and the pipeline lanes its outputs are.
 */
final class FragmentImports {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * One placeholder stage and what it stands for.
   *
   * @param fragment the fragment the copy was made from, as a fragment export holds it
   * @param entryStage the fragment's stage the use's input feeds (its own instance name), empty for an origin
   * @param outputLanes the pipeline lanes of the fragment's outputs, in the placeholder's order
   * @param values the pipeline's value of each of the fragment's parameters, by its name in the fragment
   */
  record Use(JsonNode placeholder, FragmentKind kind, String instanceId, String prefix, ObjectNode fragment,
      Optional<String> entryStage, List<String> outputLanes, Map<String, JsonNode> values) {

    String title() {
      String t = fragment.path("title").asText("");
      return t.isBlank() ? fragment.path("fragmentId").asText("fragment") : t.strip();
    }
  }

  private final Map<JsonNode, Use> uses = new LinkedHashMap<>();
  private final Set<String> prefixedConstants = new HashSet<>();

  private FragmentImports() {}

  /** The uses of the pipeline; none when it has no fragments. */
  static FragmentImports of(PipelineDocument doc, List<ImportNote> notes) {
    FragmentImports f = new FragmentImports();
    JsonNode fragments = doc.pipeline().path("fragments");
    if (!fragments.isArray() || fragments.isEmpty()) {
      return f;
    }
    Map<String, JsonNode> constants = new LinkedHashMap<>();
    for (JsonNode kv : PipelineDefinitions.configMap(doc.pipeline()).getOrDefault("constants", JSON.arrayNode())) {
      constants.putIfAbsent(kv.path("key").asText(), kv.path("value"));
    }
    List<String> unmatched = new ArrayList<>();
    for (JsonNode stage : doc.stages()) {
      Optional<FragmentKind> kind = FragmentKind.ofStageName(stage.path("stageName").asText());
      if (kind.isEmpty()) {
        continue;
      }
      JsonNode copy = io.flowascode.compiler.fragment.FragmentCopies.of(stage, fragments).orElse(null);
      if (copy == null) {
        unmatched.add(stage.path("instanceName").asText());
        continue;
      }
      String instanceId = copy.path("fragmentInstanceId").asText();
      String prefix = stage.path("uiInfo").path("parameterNamePrefix").asText("");
      Optional<String> entry = entryOfCopy(copy, instanceId);
      ObjectNode fragment = FragmentInstantiation.extract(copy, prefix);
      Map<String, JsonNode> values = new LinkedHashMap<>();
      for (JsonNode kv : FragmentInstantiation.constants(fragment)) {
        String name = kv.path("key").asText();
        JsonNode value = constants.get(prefix + name);
        values.put(name, value != null ? value : kv.path("value"));
        if (value != null) {
          f.prefixedConstants.add(prefix + name);
        }
      }
      List<String> outputs = new ArrayList<>();
      stage.path("outputLanes").forEach(l -> outputs.add(l.asText()));
      f.uses.put(stage, new Use(stage, kind.get(), instanceId, prefix, fragment, entry, outputs, values));
    }
    List<String> pinned = new ArrayList<>();
    for (Use u : f.uses.values()) {
      if (u.placeholder().path("uiInfo").has("pipelineCommitId")) {
        pinned.add(u.placeholder().path("instanceName").asText() + " (" + u.placeholder().path("uiInfo")
            .path("pipelineCommitLabel").asText("?") + ")");
      }
    }
    if (!pinned.isEmpty()) {
      notes.add(ImportNote.note("the Control Hub fragment versions these stages pin are not imported (a flow uses the"
          + " fragment file beside it): " + ImportNote.names(pinned)));
    }
    if (!unmatched.isEmpty()) {
      notes.add(ImportNote.warning("fragment stages whose fragment the pipeline does not hold run nothing on the platform,"
          + " and are imported as the placeholder stages they are: " + ImportNote.names(unmatched)));
    }
    return f;
  }

  boolean isEmpty() {
    return uses.isEmpty();
  }

  Optional<Use> use(JsonNode stage) {
    return Optional.ofNullable(uses.get(stage));
  }

  List<Use> all() {
    return List.copyOf(uses.values());
  }

  /** Whether a pipeline parameter is a fragment's, set through its use. */
  boolean isFragmentParameter(String key) {
    return prefixedConstants.contains(key);
  }

  /**
   * The pipeline with every fragment's stages beside its own, to choose definitions for all of
   * them at once (the flow and the fragment files it uses compile against the same).
   */
  PipelineDocument planning(PipelineDocument doc) {
    if (uses.isEmpty()) {
      return doc;
    }
    ObjectNode pipeline = doc.pipeline().deepCopy();
    ArrayNode stages = pipeline.putArray("stages");
    // A use needs no definition of its placeholder: the compiler makes the placeholder itself.
    doc.stages().stream().filter(s -> !uses.containsKey(s)).forEach(s -> stages.add(s.deepCopy()));
    for (Use u : uses.values()) {
      u.fragment().path("stages").forEach(s -> stages.add(s.deepCopy()));
    }
    return new PipelineDocument(pipeline, doc.schemaVersion(), doc.rules(), doc.libraryDefinitions());
  }

  /**
   * The stage of a pipeline's copy that reads the pipeline's lanes into the fragment (a lane no
   * stage of the copy writes), by its name in the fragment.
   */
  private static Optional<String> entryOfCopy(JsonNode copy, String instanceId) {
    Set<String> written = new HashSet<>();
    for (JsonNode s : copy.path("stages")) {
      s.path("outputLanes").forEach(l -> written.add(l.asText()));
      s.path("eventLanes").forEach(l -> written.add(l.asText()));
    }
    String prefix = instanceId + "_";
    for (JsonNode s : copy.path("stages")) {
      for (JsonNode l : s.path("inputLanes")) {
        if (!written.contains(l.asText())) {
          String name = s.path("instanceName").asText();
          return Optional.of(name.startsWith(prefix) ? name.substring(prefix.length()) : name);
        }
      }
    }
    return FragmentInstantiation.entryStage(copy);
  }

  /**
   * What a fragment export says about how flows connect to it: its kind, the stage its input
   * feeds and its outputs' lanes, from the placeholder it records
   * ({@code uiInfo.fragmentStageConfiguration}); without one, from its stages: the first that
   * reads nothing, and the lanes no stage reads.
   */
  record Ports(FragmentKind kind, Optional<String> entryStage, List<String> outputLanes) {}

  static Ports portsOfExport(JsonNode fragment) {
    JsonNode fsc = fragment.path("uiInfo").path("fragmentStageConfiguration");
    Optional<FragmentKind> kind = FragmentKind.ofStageName(fsc.path("stageName").asText(""));
    List<String> outputs = new ArrayList<>();
    Set<String> read = new HashSet<>();
    fragment.path("stages").forEach(s -> s.path("inputLanes").forEach(l -> read.add(l.asText())));
    if (fsc.path("outputLanes").isArray() && kind.isPresent()) {
      fsc.path("outputLanes").forEach(l -> outputs.add(l.asText()));
    } else {
      Set<String> open = new LinkedHashSet<>();
      fragment.path("stages").forEach(s -> s.path("outputLanes").forEach(l -> {
        if (!read.contains(l.asText())) {
          open.add(l.asText());
        }
      }));
      outputs.addAll(open);
    }
    Optional<String> entry = FragmentInstantiation.entryStage(fragment);
    if (entry.isEmpty() && kind.map(k -> k != FragmentKind.ORIGIN).orElse(true)) {
      for (JsonNode s : fragment.path("stages")) {
        if (s.path("inputLanes").isEmpty() && !"SOURCE".equals(s.path("uiInfo").path("stageType").asText())) {
          entry = Optional.of(s.path("instanceName").asText());
          break;
        }
      }
    }
    FragmentKind k = kind.orElse(FragmentKind.of(entry.isPresent(), !outputs.isEmpty()));
    return new Ports(k, k == FragmentKind.ORIGIN ? Optional.empty() : entry, outputs);
  }
}
