package io.flowascode.compiler.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every stage is reachable from the first through lanes in either direction; the engine checks this
 * only when it found nothing else wrong, and reports the stages it could not reach as one
 * VALIDATION_0002 (its {@code checkForDisconnectedDataFlows}).
 */
final class DisconnectionRule implements PipelineRule {

  @Override
  public void check(Verification v) {
    if (v.options().fragment() || v.issues().stream().anyMatch(i -> i.phase() == IssuePhase.SAVE)) {
      return;
    }
    List<StageInstance> stages = new ArrayList<>(v.lanes().sorted());
    stages.addAll(v.lanes().unsortable());
    if (stages.isEmpty()) {
      return;
    }
    List<StageInstance> unvisited = new ArrayList<>(stages);
    StageInstance first = unvisited.remove(0);
    Set<String> active = new HashSet<>(lanes(first));
    Set<String> seen = new HashSet<>(active);
    while (!active.isEmpty()) {
      Set<String> next = new HashSet<>();
      List<StageInstance> reached = new ArrayList<>();
      for (StageInstance s : unvisited) {
        Set<String> own = lanes(s);
        if (own.stream().noneMatch(active::contains)) {
          continue;
        }
        reached.add(s);
        for (String lane : own) {
          if (seen.add(lane)) {
            next.add(lane);
          }
        }
      }
      unvisited.removeAll(reached);
      active = next;
    }
    if (!unvisited.isEmpty()) {
      v.reportForPipeline("VALIDATION_0002", "these stages are not connected to the rest of the pipeline: "
          + String.join(", ", unvisited.stream().map(StageInstance::displayName).toList()));
    }
  }

  private static Set<String> lanes(StageInstance s) {
    Set<String> lanes = new LinkedHashSet<>(s.inputLanes());
    lanes.addAll(s.outputLanes());
    lanes.addAll(s.eventLanes());
    return lanes;
  }
}
