package io.flowascode.compiler.verify;

import java.util.Objects;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The canvas stages connected by their lanes: who writes each lane, who reads it, and the order
 * the platform sorts stages into (producers before consumers).
 */
final class LaneGraph {
  private final List<StageInstance> stages;
  private final Map<String, List<StageInstance>> writers = new LinkedHashMap<>();
  private final Map<String, List<StageInstance>> readers = new LinkedHashMap<>();
  private final List<StageInstance> sorted = new ArrayList<>();
  private final List<StageInstance> unsortable = new ArrayList<>();

  LaneGraph(List<StageInstance> stages) {
    this.stages = List.copyOf(stages);
    for (StageInstance s : stages) {
      for (String lane : s.outputLanes()) {
        writers.computeIfAbsent(lane, k -> new ArrayList<>()).add(s);
      }
      for (String lane : s.eventLanes()) {
        writers.computeIfAbsent(lane, k -> new ArrayList<>()).add(s);
      }
      for (String lane : new LinkedHashSet<>(s.inputLanes())) {
        readers.computeIfAbsent(lane, k -> new ArrayList<>()).add(s);
      }
    }
    sort();
  }

  /**
   * The platform's sort: repeated passes over the stages in JSON order, each taking every stage
   * whose inputs are all written by stages already taken. What no pass can take is unsortable.
   */
  private void sort() {
    List<StageInstance> remaining = new ArrayList<>(stages);
    Set<String> produced = new HashSet<>();
    boolean progress = true;
    while (progress && !remaining.isEmpty()) {
      progress = false;
      for (var it = remaining.iterator(); it.hasNext(); ) {
        StageInstance s = it.next();
        if (produced.containsAll(s.inputLanes())) {
          produced.addAll(s.outputLanes());
          produced.addAll(s.eventLanes());
          sorted.add(s);
          it.remove();
          progress = true;
        }
      }
    }
    unsortable.addAll(remaining);
  }

  List<StageInstance> stages() {
    return stages;
  }

  /** The stages producers-first; unsortable stages are left out. */
  List<StageInstance> sorted() {
    return sorted;
  }

  /** Stages that read a lane nobody writes, sit on a cycle, or are downstream of either. */
  List<StageInstance> unsortable() {
    return unsortable;
  }

  /** The stages that write this lane, as an output or event lane. */
  List<StageInstance> writers(String lane) {
    return writers.getOrDefault(lane, List.of());
  }

  /** The stages that read this lane. */
  List<StageInstance> readers(String lane) {
    return readers.getOrDefault(lane, List.of());
  }

  boolean isWritten(String lane) {
    return writers.containsKey(lane);
  }

  boolean isRead(String lane) {
    return readers.containsKey(lane);
  }

  /** The stages reading any lane this stage writes, in JSON order. */
  List<StageInstance> successors(StageInstance stage) {
    Set<StageInstance> next = new LinkedHashSet<>();
    for (String lane : stage.outputLanes()) {
      next.addAll(readers(lane));
    }
    for (String lane : stage.eventLanes()) {
      next.addAll(readers(lane));
    }
    return List.copyOf(next);
  }

  /**
   * The groups of stages that feed each other in a loop (strongly connected components with a
   * cycle), each in JSON order; a stage reading its own lane is a loop of one.
   */
  List<List<StageInstance>> cycles() {
    Map<StageInstance, Set<StageInstance>> reach = new LinkedHashMap<>();
    for (StageInstance s : unsortable) {
      reach.put(s, reachable(s));
    }
    List<List<StageInstance>> cycles = new ArrayList<>();
    Set<StageInstance> placed = new HashSet<>();
    for (StageInstance s : unsortable) {
      Set<StageInstance> fromS = Objects.requireNonNull(reach.get(s));
      if (placed.contains(s) || !fromS.contains(s)) {
        continue;
      }
      List<StageInstance> group = new ArrayList<>();
      for (StageInstance other : unsortable) {
        if (fromS.contains(other) && Objects.requireNonNull(reach.get(other)).contains(s)) {
          group.add(other);
        }
      }
      placed.addAll(group);
      cycles.add(group);
    }
    return cycles;
  }

  /** Every stage reachable from this one by following lanes (itself only if on a loop). */
  private Set<StageInstance> reachable(StageInstance start) {
    Set<StageInstance> seen = new HashSet<>();
    Deque<StageInstance> todo = new ArrayDeque<>(successors(start));
    while (!todo.isEmpty()) {
      StageInstance s = todo.pop();
      if (seen.add(s)) {
        todo.addAll(successors(s));
      }
    }
    return seen;
  }
}
