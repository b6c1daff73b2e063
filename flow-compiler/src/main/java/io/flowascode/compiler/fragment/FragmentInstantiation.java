package io.flowascode.compiler.fragment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The copy of a fragment a pipeline holds for each use (an entry of its {@code fragments}), and
 * back: what Control Hub writes when a fragment is added to a pipeline, as real pipelines show it
 * (docs/fragments.md). The copy's stages and lanes carry the instance id as a prefix
 * (`Clean_1_FieldRemover_01`), its entry stage reads the pipeline's lanes into the fragment, its
 * parameters carry the use's prefix in their names and in every `${...}` that uses them; Stream
 * Selector conditions keep their unprefixed lanes (the engine matches them by suffix).
 */
public final class FragmentInstantiation {
  private FragmentInstantiation() {}

  /**
   * @param fragment the fragment as stored on its own ({@link FragmentJson})
   * @param inputLanes the pipeline lanes into the fragment, given to its entry stage
   */
  public static ObjectNode instantiate(JsonNode fragment, String instanceId, String prefix, List<String> inputLanes) {
    ObjectNode copy = fragment.deepCopy();
    String lanePrefix = instanceId + "_";
    UnaryOperator<String> add = l -> lanePrefix + l;
    Set<String> written = writtenLanes(fragment);
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode kv : constants(fragment)) {
      names.put(kv.path("key").asText(), prefix + kv.path("key").asText());
    }
    Optional<String> entry = entryStage(fragment);
    copy.put("fragmentInstanceId", instanceId);
    renameConstants(copy, names);
    ArrayNode stages = copy.putArray("stages");
    for (JsonNode original : fragment.path("stages")) {
      String name = original.path("instanceName").asText();
      ObjectNode stage = rewrite(original, add, written, names);
      if (entry.isPresent() && entry.get().equals(name)) {
        ArrayNode inputs = stage.putArray("inputLanes");
        inputLanes.forEach(inputs::add);
        original.path("inputLanes").forEach(l -> {
          if (written.contains(l.asText())) {
            inputs.add(add.apply(l.asText()));
          }
        });
      }
      ObjectNode ui = stage.path("uiInfo") instanceof ObjectNode o ? o : stage.putObject("uiInfo");
      ui.put("fragmentId", fragment.path("fragmentId").asText());
      ui.put("fragmentInstanceId", instanceId);
      stages.add(stage);
    }
    return copy;
  }

  /**
   * The fragment a pipeline's copy was made from: prefixes taken off names, lanes and parameters,
   * the entry stage reading nothing again, the copy's own marks removed.
   *
   * @param prefix the parameter prefix of the use (`uiInfo.parameterNamePrefix` of its placeholder)
   */
  public static ObjectNode extract(JsonNode copy, String prefix) {
    ObjectNode f = copy.deepCopy();
    String lanePrefix = copy.path("fragmentInstanceId").asText() + "_";
    UnaryOperator<String> strip = l -> l.startsWith(lanePrefix) ? l.substring(lanePrefix.length()) : l;
    Set<String> written = writtenLanes(copy);
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode kv : constants(copy)) {
      String key = kv.path("key").asText();
      if (!prefix.isEmpty() && key.startsWith(prefix) && key.length() > prefix.length()) {
        names.put(key, key.substring(prefix.length()));
      }
    }
    f.put("fragmentInstanceId", copy.path("fragmentId").asText());
    renameConstants(f, names);
    ArrayNode stages = f.putArray("stages");
    for (JsonNode original : copy.path("stages")) {
      ObjectNode stage = rewrite(original, strip, written, names);
      if (stage.path("uiInfo") instanceof ObjectNode ui) {
        ui.remove("fragmentId");
        ui.remove("fragmentInstanceId");
      }
      stages.add(stage);
    }
    return f;
  }

  /** The stage the fragment's input feeds, as its placeholder names it. */
  public static Optional<String> entryStage(JsonNode fragment) {
    JsonNode named = fragment.path("uiInfo").path("fragmentStageConfiguration").path("uiInfo").path("firstStageInstanceName");
    return named.isTextual() && !named.asText().isEmpty() ? Optional.of(named.asText()) : Optional.empty();
  }

  /**
   * A copy of a stage with its name and the lanes its fragment writes renamed (input lanes from
   * outside the fragment are dropped), and its parameters renamed in its and its services' configs.
   */
  private static ObjectNode rewrite(JsonNode original, UnaryOperator<String> rename, Set<String> written,
      Map<String, String> names) {
    ObjectNode stage = original.deepCopy();
    stage.put("instanceName", rename.apply(original.path("instanceName").asText()));
    ArrayNode inputs = stage.putArray("inputLanes");
    original.path("inputLanes").forEach(l -> {
      if (written.contains(l.asText())) {
        inputs.add(rename.apply(l.asText()));
      }
    });
    for (String field : List.of("outputLanes", "eventLanes")) {
      ArrayNode renamed = stage.putArray(field);
      original.path(field).forEach(l -> renamed.add(rename.apply(l.asText())));
    }
    if (stage.has("configuration")) {
      stage.set("configuration", withLaneEntries(ParameterReferences.rename(original.path("configuration"), names),
          written, rename));
    }
    for (JsonNode service : stage.path("services")) {
      if (service instanceof ObjectNode s && s.has("configuration")) {
        s.set("configuration", ParameterReferences.rename(s.get("configuration"), names));
      }
    }
    return stage;
  }

  /**
   * Lane names held in configs: the entries of a list that drives a stage's outputs (HTTP Router
   * routes) name the lanes and follow them; Stream Selector conditions keep theirs as written.
   */
  private static JsonNode withLaneEntries(JsonNode configuration, Set<String> written, UnaryOperator<String> rename) {
    JsonNode copy = configuration.deepCopy();
    for (JsonNode c : copy) {
      for (JsonNode item : c.path("value")) {
        if (item instanceof ObjectNode entry && entry.path("outputLane").isTextual() && !entry.has("predicate")
            && written.contains(entry.get("outputLane").asText())) {
          entry.set("outputLane", TextNode.valueOf(rename.apply(entry.get("outputLane").asText())));
        }
      }
    }
    return copy;
  }

  private static Set<String> writtenLanes(JsonNode fragment) {
    Set<String> lanes = new HashSet<>();
    for (JsonNode s : fragment.path("stages")) {
      s.path("outputLanes").forEach(l -> lanes.add(l.asText()));
      s.path("eventLanes").forEach(l -> lanes.add(l.asText()));
    }
    return lanes;
  }

  /** The fragment's `constants` entries (`{key, value}`). */
  public static List<JsonNode> constants(JsonNode fragment) {
    List<JsonNode> list = new ArrayList<>();
    for (JsonNode c : fragment.path("configuration")) {
      if ("constants".equals(c.path("name").asText())) {
        c.path("value").forEach(list::add);
      }
    }
    return list;
  }

  private static void renameConstants(ObjectNode fragment, Map<String, String> names) {
    for (JsonNode kv : constants(fragment)) {
      String to = names.get(kv.path("key").asText());
      if (to != null && kv instanceof ObjectNode entry) {
        entry.put("key", to);
      }
    }
  }
}
