package io.flowascode.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The UI state (`uiInfo`) a flow keeps verbatim under `ui:`: what a person set in the UI that the
 * pipeline stores (preview settings, display modes, the raw preview source), and nothing the
 * language holds elsewhere (`title`, `description`), the compiler derives (stage type, output
 * labels) or the UI recomputes: canvas positions (kept on the target by apply, laid out anew on a
 * new one), stage icons (the definition's), and the last preview's schema, a cache keyed by lane
 * names the compiler renames.
 */
final class UiState {
  private static final Set<String> STAGE_DERIVED = Set.of("label", "description", "xPos", "yPos", "stageType", "icon", "colorIcon");
  private static final Set<String> FRAGMENT_MARKS = Set.of("fragmentGroupStage", "fragmentId", "fragmentInstanceId",
      "fragmentName", "parameterNamePrefix", "firstStageInstanceName", "pipelineId", "pipelineCommitId", "pipelineCommitLabel");
  private static final Set<String> PIPELINE_CACHE = Set.of("schemaFromPreview", "schemaFromPreviewUpdateTime");

  private UiState() {}

  /** A stage's `ui:`, empty when the compiler makes the same uiInfo without one. */
  static Optional<JsonNode> stage(JsonNode uiInfo, StageDefinition def) {
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    uiInfo.properties().forEach(e -> {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (STAGE_DERIVED.contains(key) || value.isNull() || (key.equals("outputStreamLabels") && emitted(value, def))) {
        return;
      }
      kept.set(key, value);
    });
    return kept.isEmpty() ? Optional.empty() : Optional.of(kept);
  }

  /**
   * A fragment use's `ui:`: the placeholder's uiInfo without what any stage's leaves out, the marks
   * the compiler writes from the fragment (its id, instance, name, prefix and first stage) and the
   * Control Hub version pins a Data Collector has no use for (docs/fragments.md).
   */
  static Optional<JsonNode> fragmentUse(JsonNode uiInfo) {
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    uiInfo.properties().forEach(e -> {
      String key = e.getKey();
      if (!STAGE_DERIVED.contains(key) && !FRAGMENT_MARKS.contains(key) && !e.getValue().isNull()) {
        kept.set(key, e.getValue());
      }
    });
    return kept.isEmpty() ? Optional.empty() : Optional.of(kept);
  }

  /** The pipeline's `ui:`, empty when it holds nothing but the preview cache. */
  static Optional<JsonNode> pipeline(JsonNode uiInfo, List<ImportNote> notes) {
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    uiInfo.properties().forEach(e -> {
      if (!PIPELINE_CACHE.contains(e.getKey()) && !e.getValue().isNull()) {
        kept.set(e.getKey(), e.getValue());
      }
    });
    if (uiInfo.has("schemaFromPreview")) {
      notes.add(ImportNote.note("the UI's cache of the last preview's schema is not kept (it is keyed by lane names, which the"
          + " compiler names anew); the UI rebuilds it on the next preview"));
    }
    return kept.isEmpty() ? Optional.empty() : Optional.of(kept);
  }

  /** Output labels the compiler writes itself for a stage with several fixed outputs. */
  private static boolean emitted(JsonNode labels, StageDefinition def) {
    if (!(def.fixedOutputs() > 1 && !def.outputStreamLabels().isEmpty()) || !labels.isArray()
        || labels.size() != def.outputStreamLabels().size()) {
      return false;
    }
    for (int i = 0; i < labels.size(); i++) {
      if (!labels.get(i).asText().equals(def.outputStreamLabels().get(i))) {
        return false;
      }
    }
    return true;
  }
}
