package io.flowascode.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The metadata label that marks a remote flow as created and owned by this tool. Pruning deletes
 * only flows that carry it, so flows made by hand are never touched.
 */
public final class ManagedMarker {
  public static final String LABEL = "managed-by-flow-as-code";

  private ManagedMarker() {}

  /** A copy of the pipeline with the marker among its metadata labels. */
  public static ObjectNode mark(JsonNode pipeline) {
    ObjectNode copy = ((ObjectNode) pipeline).deepCopy();
    JsonNode metadata = copy.path("metadata");
    ObjectNode meta = metadata.isObject() ? (ObjectNode) metadata : copy.putObject("metadata");
    JsonNode labels = meta.path("labels");
    ArrayNode list = labels.isArray() ? (ArrayNode) labels : meta.putArray("labels");
    if (!isManaged(copy)) {
      list.add(LABEL);
    }
    return copy;
  }

  public static boolean isManaged(JsonNode pipeline) {
    for (JsonNode label : pipeline.path("metadata").path("labels")) {
      if (LABEL.equals(label.asText())) {
        return true;
      }
    }
    return false;
  }
}
