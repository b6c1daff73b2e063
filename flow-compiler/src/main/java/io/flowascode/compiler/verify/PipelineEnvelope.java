package io.flowascode.compiler.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where the pipeline is in a document that may wrap it: a bare {@code pipelineConfig}, Data
 * Collector's export envelope ({@code {pipelineConfig, pipelineRules, libraryDefinitions}}) or an
 * IBM flow ({@code pipeline_definition}). Every reader of pipeline JSON starts here.
 */
public final class PipelineEnvelope {
  private static final List<String> WRAPPERS = List.of("pipelineConfig", "pipeline_definition");

  private PipelineEnvelope() {}

  /** The pipeline itself when {@code root} wraps one; {@code root} unchanged otherwise (null stays null). */
  public static JsonNode unwrap(JsonNode root) {
    if (root != null && root.isObject() && !root.has("stages")) {
      for (String wrapper : WRAPPERS) {
        JsonNode inner = root.get(wrapper);
        if (inner != null && inner.isObject()) {
          return inner;
        }
      }
    }
    return root;
  }
}
