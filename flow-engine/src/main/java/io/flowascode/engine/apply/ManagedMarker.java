package io.flowascode.engine.apply;

import io.flowascode.compiler.PlatformNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a remote flow is marked as created and owned by this tool. Pruning deletes only flows that
 * carry a mark, so flows made by hand are never touched.
 *
 * <p>Two marks, because platforms keep different things through other clients' saves:
 * <ul>
 *   <li>the metadata label {@value #LABEL}, shown in Data Collector's UI and kept by its saves;
 *   <li>the metadata entry {@value #KEY}: {@value #VALUE}, which IBM's watsonx SDK keeps (it resets
 *       only `metadata.labels`, to `[]`, on every save) and Data Collector's store keeps too.
 * </ul>
 * Every flow gets the entry; the label only where labels last ({@code keepsLabels}), since on
 * watsonx a label would be wiped by the next UI or SDK save and show as drift in every plan.
 */
public final class ManagedMarker {
  public static final String LABEL = PlatformNames.MANAGED_LABEL;
  public static final String KEY = PlatformNames.MANAGED_BY_KEY;
  public static final String VALUE = PlatformNames.MANAGED_BY_VALUE;

  private ManagedMarker() {}

  /** A copy of the pipeline with the marks the platform keeps. */
  public static ObjectNode mark(JsonNode pipeline, boolean keepsLabels) {
    ObjectNode copy = ((ObjectNode) pipeline).deepCopy();
    JsonNode metadata = copy.path("metadata");
    ObjectNode meta = metadata.isObject() ? (ObjectNode) metadata : copy.putObject("metadata");
    meta.put(KEY, VALUE);
    JsonNode labels = meta.path("labels");
    ArrayNode list = labels.isArray() ? (ArrayNode) labels : meta.putArray("labels");
    if (keepsLabels && !hasLabel(copy)) {
      list.add(LABEL);
    }
    return copy;
  }

  /** A copy with both marks, as Data Collector and the local store keep them. */
  public static ObjectNode mark(JsonNode pipeline) {
    return mark(pipeline, true);
  }

  /** Carries either mark: flows deployed before the entry existed carry only the label. */
  public static boolean isManaged(JsonNode pipeline) {
    return hasLabel(pipeline) || VALUE.equals(pipeline.path("metadata").path(KEY).asText());
  }

  private static boolean hasLabel(JsonNode pipeline) {
    for (JsonNode label : pipeline.path("metadata").path("labels")) {
      if (LABEL.equals(label.asText())) {
        return true;
      }
    }
    return false;
  }
}
