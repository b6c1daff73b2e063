package io.flowascode.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.fragment.FragmentKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline as a comparison by meaning sees it: each stage that stands for a fragment followed
 * by the stages of the fragment copy it stands for (matched as the engine matches them), with
 * the placeholder's lanes left to the fragment's stages, and each Stream Selector condition of a
 * copy naming the lane it stands for (copies name them without the instance prefix; the engine
 * matches them by suffix).
 */
final class ResolvedStages {
  private ResolvedStages() {}

  static JsonNode of(JsonNode pipeline) {
    JsonNode fragments = pipeline.path("fragments");
    if (!fragments.isArray() || fragments.isEmpty()) {
      return pipeline;
    }
    ObjectNode copy = pipeline.deepCopy();
    ArrayNode stages = copy.putArray("stages");
    for (JsonNode s : pipeline.path("stages")) {
      JsonNode fragment = FragmentKind.ofStageName(s.path("stageName").asText()).isPresent() ? match(s, fragments) : null;
      if (fragment == null) {
        stages.add(s.deepCopy());
        continue;
      }
      ObjectNode placeholder = s.deepCopy();
      placeholder.putArray("inputLanes");
      placeholder.putArray("outputLanes");
      placeholder.putArray("eventLanes");
      stages.add(placeholder);
      fragment.path("stages").forEach(f -> stages.add(withFullPredicateLanes(f)));
    }
    return copy;
  }

  static JsonNode match(JsonNode placeholder, JsonNode fragments) {
    String fragmentId = config(placeholder, FragmentKind.FRAGMENT_ID);
    String instanceId = config(placeholder, FragmentKind.INSTANCE_ID);
    for (JsonNode f : fragments) {
      if (fragmentId.equals(f.path("fragmentId").asText()) && instanceId.equals(f.path("fragmentInstanceId").asText())) {
        return f;
      }
    }
    return null;
  }

  private static String config(JsonNode stage, String name) {
    JsonNode v = PipelineDefinitions.configMap(stage).get(name);
    return v == null ? "" : v.asText();
  }

  private static JsonNode withFullPredicateLanes(JsonNode stage) {
    ObjectNode copy = stage.deepCopy();
    List<String> outputs = new ArrayList<>();
    stage.path("outputLanes").forEach(l -> outputs.add(l.asText()));
    for (JsonNode c : copy.path("configuration")) {
      if (!"lanePredicates".equals(c.path("name").asText())) {
        continue;
      }
      for (JsonNode p : c.path("value")) {
        String lane = p.path("outputLane").asText();
        if (!outputs.contains(lane)) {
          outputs.stream().filter(o -> o.endsWith("_" + lane)).findFirst()
              .ifPresent(full -> ((ObjectNode) p).put("outputLane", full));
        }
      }
    }
    return copy;
  }
}
