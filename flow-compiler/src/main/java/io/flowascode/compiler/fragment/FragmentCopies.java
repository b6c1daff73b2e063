package io.flowascode.compiler.fragment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fragment copies of a pipeline JSON, found as the engine finds them: a placeholder stands for
 * the first entry of {@code fragments} with its `conf.fragmentId` and `conf.fragmentInstanceId`.
 */
public final class FragmentCopies {
  private FragmentCopies() {}

  /** The copy a stage stands for; empty when it is no placeholder or matches no copy. */
  public static Optional<JsonNode> of(JsonNode stage, JsonNode fragments) {
    if (FragmentKind.ofStageName(stage.path("stageName").asText()).isEmpty() || fragments == null || !fragments.isArray()) {
      return Optional.empty();
    }
    String fragmentId = null;
    String instanceId = null;
    for (JsonNode c : stage.path("configuration")) {
      if (FragmentKind.FRAGMENT_ID.equals(c.path("name").asText())) {
        fragmentId = c.path("value").asText(null);
      } else if (FragmentKind.INSTANCE_ID.equals(c.path("name").asText())) {
        instanceId = c.path("value").asText(null);
      }
    }
    for (JsonNode f : fragments) {
      if (fragmentId != null && instanceId != null && fragmentId.equals(f.path("fragmentId").asText(null))
          && instanceId.equals(f.path("fragmentInstanceId").asText(null))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * The canvas stages as they run, for comparing pipelines by meaning: each placeholder that
   * matches a copy, without lanes (its fragment's stages hold them), followed by the copy's
   * stages, whose Stream Selector conditions name the full lanes they stand for (copies write them
   * without the instance prefix; the engine matches them by suffix). Without fragments, the stages.
   */
  public static List<JsonNode> resolvedStages(JsonNode pipeline) {
    List<JsonNode> stages = new ArrayList<>();
    JsonNode fragments = pipeline.get("fragments");
    for (JsonNode s : iterable(pipeline.get("stages"))) {
      Optional<JsonNode> copy = of(s, fragments);
      if (copy.isEmpty()) {
        stages.add(s);
        continue;
      }
      ObjectNode placeholder = s.deepCopy();
      placeholder.putArray("inputLanes");
      placeholder.putArray("outputLanes");
      placeholder.putArray("eventLanes");
      stages.add(placeholder);
      iterable(copy.get().get("stages")).forEach(f -> stages.add(withFullConditionLanes(f)));
    }
    return stages;
  }

  private static JsonNode withFullConditionLanes(JsonNode stage) {
    List<String> outputs = new ArrayList<>();
    iterable(stage.get("outputLanes")).forEach(l -> outputs.add(l.asText()));
    ObjectNode copy = null;
    for (JsonNode c : iterable(stage.get("configuration"))) {
      if (!"lanePredicates".equals(c.path("name").asText())) {
        continue;
      }
      for (int i = 0; i < c.path("value").size(); i++) {
        String lane = c.path("value").get(i).path("outputLane").asText("");
        if (lane.isEmpty() || outputs.contains(lane)) {
          continue;
        }
        Optional<String> full = outputs.stream().filter(o -> o.endsWith("_" + lane)).findFirst();
        if (full.isPresent()) {
          copy = copy == null ? stage.deepCopy() : copy;
          for (JsonNode cc : copy.path("configuration")) {
            if ("lanePredicates".equals(cc.path("name").asText())) {
              ((ObjectNode) cc.path("value").get(i)).put("outputLane", full.get());
            }
          }
        }
      }
    }
    return copy == null ? stage : copy;
  }

  private static Iterable<JsonNode> iterable(JsonNode array) {
    return array != null && array.isArray() ? array : List.of();
  }
}
