package io.flowascode.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.fragment.FragmentKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The canvas stages of a pipeline as the diff compares them: with fragments, the stages of each
 * fragment copy after the placeholder that stands for it, named as the pipeline names them
 * (`<instance id>_<stage>`, the flow's name for the use and the fragment's for the stage), with
 * their lanes, so a change inside a fragment is the change of a stage and its connections are
 * the connections the engine runs. The placeholder stays, to show a change of which fragment a
 * use is (its fragment id and instance id), without lanes of its own: the fragment's stages hold
 * them.
 */
final class FragmentStages {
  private FragmentStages() {}

  static List<JsonNode> resolved(JsonNode pipeline) {
    List<JsonNode> stages = new ArrayList<>();
    JsonNode fragments = pipeline.get("fragments");
    for (JsonNode s : iterable(pipeline.get("stages"))) {
      JsonNode fragment = FragmentKind.ofStageName(s.path("stageName").asText()).isPresent() ? match(s, fragments) : null;
      if (fragment == null) {
        stages.add(s);
        continue;
      }
      ObjectNode placeholder = s.deepCopy();
      placeholder.putArray("inputLanes");
      placeholder.putArray("outputLanes");
      placeholder.putArray("eventLanes");
      stages.add(placeholder);
      iterable(fragment.get("stages")).forEach(f -> stages.add(withPredicateLanes(f)));
    }
    return stages;
  }

  /**
   * A fragment stage's conditions name their lanes without the instance prefix (Control Hub
   * writes them so; the engine matches them by suffix): read them as the lanes they stand for.
   */
  private static JsonNode withPredicateLanes(JsonNode stage) {
    List<String> outputs = new ArrayList<>();
    iterable(stage.get("outputLanes")).forEach(l -> outputs.add(l.asText()));
    ObjectNode copy = null;
    for (JsonNode c : iterable(stage.get("configuration"))) {
      if (!PipelineView.PREDICATES_CONFIG.equals(c.path("name").asText())) {
        continue;
      }
      for (int i = 0; i < c.path("value").size(); i++) {
        String lane = c.path("value").get(i).path("outputLane").asText("");
        if (lane.isEmpty() || outputs.contains(lane)) {
          continue;
        }
        String full = outputs.stream().filter(o -> o.endsWith("_" + lane)).findFirst().orElse(null);
        if (full != null) {
          copy = copy == null ? stage.deepCopy() : copy;
          for (JsonNode cc : copy.path("configuration")) {
            if (PipelineView.PREDICATES_CONFIG.equals(cc.path("name").asText())) {
              ((ObjectNode) cc.path("value").get(i)).put("outputLane", full);
            }
          }
        }
      }
    }
    return copy == null ? stage : copy;
  }

  /** The fragment copy a placeholder stands for, as the engine matches them; null when none. */
  private static JsonNode match(JsonNode placeholder, JsonNode fragments) {
    String fragmentId = null;
    String instanceId = null;
    for (JsonNode c : iterable(placeholder.get("configuration"))) {
      if (FragmentKind.FRAGMENT_ID.equals(c.path("name").asText())) {
        fragmentId = c.path("value").asText(null);
      } else if (FragmentKind.INSTANCE_ID.equals(c.path("name").asText())) {
        instanceId = c.path("value").asText(null);
      }
    }
    for (JsonNode f : iterable(fragments)) {
      if (fragmentId != null && instanceId != null && fragmentId.equals(f.path("fragmentId").asText(null))
          && instanceId.equals(f.path("fragmentInstanceId").asText(null))) {
        return f;
      }
    }
    return null;
  }

  private static Iterable<JsonNode> iterable(JsonNode array) {
    return array != null && array.isArray() ? array : List.of();
  }
}
