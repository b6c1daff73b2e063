package io.flowascode.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The order in which Data Collector stores a pipeline's stages: producers before consumers.
 *
 * <p>This is the platform's own pass-based sort (`PipelineFragmentConfigurationValidator.sortStages`),
 * reproduced exactly so that a locally stored pipeline lists its stages in the order the server
 * would: each pass walks the remaining stages in their current order and takes every stage whose
 * input lanes have all been produced, making its output and event lanes available at once to the
 * stages after it in the same pass. Stages that can never be placed (a cycle, or an input lane
 * nothing produces) keep their relative order at the end, as on the server.
 */
public final class StageOrder {
  private StageOrder() {}

  /** A new array with the same stage nodes (not copies) in stored order. */
  public static ArrayNode sorted(ArrayNode stages) {
    List<JsonNode> remaining = new ArrayList<>();
    stages.forEach(remaining::add);
    ArrayNode sorted = stages.arrayNode();
    Set<String> produced = new HashSet<>();
    boolean progress = true;
    while (progress && !remaining.isEmpty()) {
      int before = sorted.size();
      Iterator<JsonNode> it = remaining.iterator();
      while (it.hasNext()) {
        JsonNode stage = it.next();
        if (produced.containsAll(lanes(stage, "inputLanes"))) {
          produced.addAll(lanes(stage, "outputLanes"));
          produced.addAll(lanes(stage, "eventLanes"));
          sorted.add(stage);
          it.remove();
        }
      }
      progress = sorted.size() > before;
    }
    remaining.forEach(sorted::add);
    return sorted;
  }

  private static List<String> lanes(JsonNode stage, String field) {
    List<String> lanes = new ArrayList<>();
    JsonNode array = stage.path(field);
    if (array.isArray()) {
      array.forEach(lane -> lanes.add(lane.asText()));
    }
    return lanes;
  }
}
