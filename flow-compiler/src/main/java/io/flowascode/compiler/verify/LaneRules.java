package io.flowascode.compiler.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How canvas stages are wired: every lane written once and read somewhere, every input written by
 * some stage, no loops, one lane at most between two stages, and no stage reading from both the
 * data and the event part of the pipeline. With fragments, lanes are written once, shared once and
 * read somewhere between the stages as stored; order and the two parts are checked as they run.
 */
final class LaneRules implements PipelineRule {

  @Override
  public void check(Verification v) {
    LaneGraph g = v.lanes();
    LaneGraph stored = v.originalLanes();
    duplicateWriters(v, stored);
    if (!v.options().fragment()) {
      openLanes(v, stored); // a fragment's open lanes are its outputs
    }
    unsortable(v, g);
    parallelLanes(v, stored);
    mixedInputs(v, g);
  }

  private static void duplicateWriters(Verification v, LaneGraph g) {
    for (StageInstance s : g.stages()) {
      Set<String> own = new HashSet<>();
      for (String lane : concat(s.outputLanes(), s.eventLanes())) {
        if (!own.add(lane)) {
          v.extra(s, s.displayName() + " lists the lane `" + lane + "` more than once among its outputs");
        }
      }
    }
    for (StageInstance s : g.stages()) {
      for (String lane : new LinkedHashSet<>(concat(s.outputLanes(), s.eventLanes()))) {
        List<StageInstance> writers = distinct(g.writers(lane));
        int at = writers.indexOf(s);
        if (at > 0) {
          v.reportForPipeline("VALIDATION_0010", s.displayName() + " writes the lane `" + lane
              + "`, which " + writers.get(0).displayName() + " already writes");
        }
      }
    }
  }

  private static void openLanes(Verification v, LaneGraph g) {
    for (StageInstance s : g.stages()) {
      List<String> open = s.outputLanes().stream().filter(l -> !g.isRead(l)).distinct().toList();
      if (!open.isEmpty()) {
        v.report("VALIDATION_0011", s, s.displayName() + " has output lanes no stage reads: " + String.join(", ", open));
      }
      List<String> openEvents = s.eventLanes().stream().filter(l -> !g.isRead(l)).distinct().toList();
      if (!openEvents.isEmpty()) {
        v.report("VALIDATION_0104", s, s.displayName() + " has an event lane no stage reads: " + String.join(", ", openEvents));
      }
    }
  }

  /**
   * The engine cannot sort stages that read a lane no stage writes or that feed each other in a
   * loop, and reports them together as one VALIDATION_0002.
   */
  private static void unsortable(Verification v, LaneGraph g) {
    if (g.unsortable().isEmpty()) {
      return;
    }
    List<String> reasons = new ArrayList<>();
    for (StageInstance s : g.stages()) {
      for (String lane : new LinkedHashSet<>(s.inputLanes())) {
        if (!g.isWritten(lane)) {
          reasons.add(s.displayName() + " reads the lane `" + lane + "`, which no stage writes");
        }
      }
    }
    for (List<StageInstance> cycle : g.cycles()) {
      String names = cycle.stream().map(StageInstance::displayName).collect(Collectors.joining(", "));
      reasons.add(cycle.size() == 1 ? names + " reads its own output, which makes a loop"
          : "the stages " + names + " feed each other in a loop");
    }
    String stages = g.unsortable().stream().map(StageInstance::displayName).collect(Collectors.joining(", "));
    v.reportForPipeline("VALIDATION_0002", "the engine cannot order the stages " + stages
        + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)));
  }

  /** Two stages may share at most one data lane; the platform counts output against input lanes. */
  private static void parallelLanes(Verification v, LaneGraph g) {
    for (StageInstance from : g.stages()) {
      for (StageInstance to : g.successors(from)) {
        Set<String> shared = new LinkedHashSet<>(from.outputLanes());
        shared.retainAll(new HashSet<>(to.inputLanes()));
        if (shared.size() > 1) {
          v.reportForPipeline("VALIDATION_0039", from.displayName() + " and " + to.displayName() + " are connected by "
              + shared.size() + " lanes (" + String.join(", ", shared) + "); the platform allows one between two stages");
        }
      }
    }
  }

  /**
   * Walks the sorted stages as the platform does: a stage reading an event lane is on the event
   * part, and so is everything it writes to; a stage may not read from both parts.
   */
  private static void mixedInputs(Verification v, LaneGraph g) {
    Set<String> eventLanes = new HashSet<>();
    Set<String> dataLanes = new HashSet<>();
    for (StageInstance s : g.sorted()) {
      List<String> fromEvents = s.inputLanes().stream().filter(eventLanes::contains).distinct().toList();
      boolean fromData = s.inputLanes().stream().anyMatch(dataLanes::contains);
      if (!fromEvents.isEmpty() && fromData) {
        v.reportForPipeline("VALIDATION_0103", s.displayName() + " reads from both data lanes and the event part of the pipeline ("
            + String.join(", ", fromEvents) + "); a stage may read from one or the other");
        return; // the engine stops at the first such stage
      }
      (fromEvents.isEmpty() ? dataLanes : eventLanes).addAll(s.outputLanes());
      eventLanes.addAll(s.eventLanes());
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<StageInstance> distinct(List<StageInstance> stages) {
    return List.copyOf(new LinkedHashSet<>(stages));
  }
}
