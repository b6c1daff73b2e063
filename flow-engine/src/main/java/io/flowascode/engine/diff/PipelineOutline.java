package io.flowascode.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.engine.diff.DiffView.StageView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a plan needs to know about a pipeline to name things as the reader does: which instance
 * names are canvas stages, which belong to the special stages (error records, lifecycle events,
 * ...), and each Stream Selector's conditions in order.
 */
public record PipelineOutline(Set<String> canvas, Map<String, SpecialStage> special, Map<String, List<String>> conditions) {
  public static final PipelineOutline EMPTY = new PipelineOutline(Set.of(), Map.of(), Map.of());

  public PipelineOutline {
    canvas = Set.copyOf(canvas);
    special = Map.copyOf(special);
    conditions = Map.copyOf(conditions);
  }

  /** The outline of a pipeline JSON (bare, envelope or IBM flow); empty for null. */
  public static PipelineOutline of(JsonNode pipeline) {
    if (pipeline == null || pipeline.isNull()) {
      return EMPTY;
    }
    DiffView view = DiffView.of(pipeline);
    Map<String, List<String>> conditions = new TreeMap<>();
    for (StageView s : view.stages().values()) {
      if (s.isSelector()) {
        conditions.put(s.instance(), s.predicates());
      }
    }
    Map<String, SpecialStage> special = new TreeMap<>();
    view.specialStages().forEach((role, stage) -> special.put(stage.instance(), role));
    return new PipelineOutline(view.stages().keySet(), special, conditions);
  }

  /** The expression of a selector's condition at a 1-based position. */
  public Optional<String> condition(String instance, int position) {
    List<String> list = conditions.get(instance);
    return list == null || position < 1 || position > list.size() ? Optional.empty() : Optional.of(list.get(position - 1));
  }
}
