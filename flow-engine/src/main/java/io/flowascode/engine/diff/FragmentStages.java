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
      iterable(fragment.get("stages")).forEach(stages::add);
    }
    return stages;
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
