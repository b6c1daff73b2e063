package io.flowascode.compiler.verify;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The stages a pipeline with fragments runs, as Data Collector resolves them
 * ({@code PipelineFragmentConfiguration.processStages}): each stage standing for a fragment (a
 * Fragment Origin, Processor or Destination) is replaced by the stages of the first entry of
 * {@code fragments} with the same fragment id and instance id, named by its configs
 * {@code conf.fragmentId} and {@code conf.fragmentInstanceId}; one that matches no entry runs
 * nothing. Without fragments the stages are run as stored, placeholders included.
 */
final class FragmentResolution {
  static final Set<String> PLACEHOLDERS = Set.of(
      "com_streamsets_pipeline_stage_origin_fragment_FragmentSource",
      "com_streamsets_pipeline_stage_processor_fragment_FragmentProcessor",
      "com_streamsets_pipeline_stage_destination_fragment_FragmentTarget");

  private FragmentResolution() {}

  /**
   * @param stored the canvas stages as stored, at positions 0..n-1
   * @param fragments the pipeline's {@code fragments} (may be absent)
   * @param reader reads a fragment's stage at a position; fragment stages get positions after the
   *     stored ones, so that every stage the rules see is a stage of its own
   */
  static List<StageInstance> resolve(List<StageInstance> stored, JsonNode fragments,
      BiFunction<JsonNode, Integer, Optional<StageInstance>> reader) {
    if (fragments == null || !fragments.isArray() || fragments.isEmpty()) {
      return stored;
    }
    List<StageInstance> resolved = new ArrayList<>();
    int next = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).position() + 1;
    for (StageInstance s : stored) {
      if (!PLACEHOLDERS.contains(s.stageName())) {
        resolved.add(s);
        continue;
      }
      String fragmentId = text(s.config("conf.fragmentId"));
      String instanceId = text(s.config("conf.fragmentInstanceId"));
      for (JsonNode f : fragments) {
        if (f.isObject() && instanceId != null && fragmentId != null
            && instanceId.equals(f.path("fragmentInstanceId").asText(null))
            && fragmentId.equals(f.path("fragmentId").asText(null))) {
          for (JsonNode stage : f.path("stages")) {
            Optional<StageInstance> inner = reader.apply(stage, next++);
            inner.ifPresent(resolved::add);
          }
          break;
        }
      }
    }
    return resolved;
  }

  private static @Nullable String text(Optional<JsonNode> value) {
    return value.filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
  }
}
