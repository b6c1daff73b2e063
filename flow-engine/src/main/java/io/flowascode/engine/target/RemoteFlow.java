package io.flowascode.engine.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A flow as a target stores it.
 *
 * @param id the flow's id in this project (a Data Collector pipeline id, a watsonx flow name, a
 *     local directory name)
 * @param revision the token a save must present to replace exactly this version: the pipeline
 *     `uuid` on Data Collector and the local store, a content hash on watsonx
 * @param pipeline the stored pipeline JSON; a copy is returned on each access
 * @param attributes target-specific facts worth showing (the watsonx asset id, ...), never secrets
 */
public record RemoteFlow(String id, String revision, JsonNode pipeline, Map<String, String> attributes) {
  public RemoteFlow {
    pipeline = pipeline.deepCopy();
    attributes = Map.copyOf(attributes);
  }

  @Override
  public JsonNode pipeline() {
    return pipeline.deepCopy();
  }
}
