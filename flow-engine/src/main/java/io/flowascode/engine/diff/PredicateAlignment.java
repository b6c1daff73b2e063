package io.flowascode.engine.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the conditions of a Stream Selector before and after, so that an edited expression shows
 * as one predicate change (and its connections stay put) rather than as connections removed and
 * added. Equal expressions pair first wherever they are; the remaining ones pair in order, and
 * whatever is left over was added or removed.
 *
 * @param changes the predicate changes, desired order first, then removals
 * @param portMap for each paired remote port id, the desired port id and label
 */
record PredicateAlignment(List<Change> changes, Map<String, Topology.Port> portMap) {

  static PredicateAlignment align(String instance, List<String> before, List<String> after) {
    List<String> bIds = Topology.predicatePorts(before);
    List<String> aIds = Topology.predicatePorts(after);
    int[] partnerOfBefore = new int[before.size()];
    int[] partnerOfAfter = new int[after.size()];
    Arrays.fill(partnerOfBefore, -1);
    Arrays.fill(partnerOfAfter, -1);

    Map<String, Deque<Integer>> afterById = new HashMap<>();
    for (int i = 0; i < aIds.size(); i++) {
      afterById.computeIfAbsent(aIds.get(i), k -> new ArrayDeque<>()).add(i);
    }
    for (int i = 0; i < bIds.size(); i++) {
      Deque<Integer> q = afterById.get(bIds.get(i));
      if (q != null && !q.isEmpty()) {
        int j = q.poll();
        partnerOfBefore[i] = j;
        partnerOfAfter[j] = i;
      }
    }
    List<Integer> looseBefore = unpaired(partnerOfBefore);
    List<Integer> looseAfter = unpaired(partnerOfAfter);
    int edited = Math.min(looseBefore.size(), looseAfter.size());
    for (int k = 0; k < edited; k++) {
      partnerOfBefore[looseBefore.get(k)] = looseAfter.get(k);
      partnerOfAfter[looseAfter.get(k)] = looseBefore.get(k);
    }

    List<Change> changes = new ArrayList<>();
    for (int j = 0; j < after.size(); j++) {
      int i = partnerOfAfter[j];
      if (i < 0) {
        changes.add(new Change.PredicateChanged(instance, j + 1, null, after.get(j)));
      } else if (!before.get(i).equals(after.get(j))) {
        changes.add(new Change.PredicateChanged(instance, j + 1, before.get(i), after.get(j)));
      }
    }
    for (int i = 0; i < before.size(); i++) {
      if (partnerOfBefore[i] < 0) {
        changes.add(new Change.PredicateChanged(instance, i + 1, before.get(i), null));
      }
    }
    if (reordered(partnerOfBefore)) {
      changes.add(new Change.PredicatesReordered(instance, before, after));
    }

    Map<String, Topology.Port> portMap = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      int j = partnerOfBefore[i];
      if (j >= 0) {
        portMap.put(bIds.get(i), new Topology.Port(
            aIds.get(j), Topology.predicateLabel(after, j), ConnectionKind.DATA));
      }
    }
    return new PredicateAlignment(List.copyOf(changes), portMap);
  }

  private static List<Integer> unpaired(int[] partners) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < partners.length; i++) {
      if (partners[i] < 0) {
        out.add(i);
      }
    }
    return out;
  }

  /** True when paired conditions appear in another relative order. */
  private static boolean reordered(int[] partnerOfBefore) {
    int last = -1;
    for (int j : partnerOfBefore) {
      if (j < 0) {
        continue;
      }
      if (j < last) {
        return true;
      }
      last = j;
    }
    return false;
  }
}
