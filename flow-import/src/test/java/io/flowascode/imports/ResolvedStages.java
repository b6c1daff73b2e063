package io.flowascode.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.fragment.FragmentCopies;

/** A pipeline as a comparison by meaning sees it: its stages as they run ({@link FragmentCopies#resolvedStages}). */
final class ResolvedStages {
  private ResolvedStages() {}

  static JsonNode of(JsonNode pipeline) {
    if (pipeline.path("fragments").isEmpty()) {
      return pipeline;
    }
    ObjectNode copy = pipeline.deepCopy();
    ArrayNode stages = copy.putArray("stages");
    FragmentCopies.resolvedStages(pipeline).forEach(s -> stages.add(s.deepCopy()));
    return copy;
  }

  static JsonNode match(JsonNode placeholder, JsonNode fragments) {
    return FragmentCopies.of(placeholder, fragments).orElse(null);
  }
}
