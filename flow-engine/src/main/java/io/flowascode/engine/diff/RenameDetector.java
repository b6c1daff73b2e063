package io.flowascode.engine.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Finds stages that were renamed: a removed and an added stage with equal fingerprints and the
 * same neighbours, where a neighbour that kept its name must be the same stage and a neighbour
 * that was itself removed or added is matched by its fingerprint (so a renamed chain is found as
 * a whole). Equal candidates pair in name order, which keeps the result deterministic. Linear in
 * the number of removed and added stages and their connections.
 */
final class RenameDetector {
  private RenameDetector() {}

  /** Remote instance name to desired instance name for each rename found, in remote name order. */
  static Map<String, String> find(
      Set<String> removed,
      Set<String> added,
      Function<String, String> beforeFingerprint,
      Function<String, String> afterFingerprint,
      Collection<Connection> beforeConnections,
      Collection<Connection> afterConnections) {
    if (removed.isEmpty() || added.isEmpty()) {
      return Map.of();
    }
    Map<String, String> bPrint = fingerprints(removed, beforeFingerprint);
    Map<String, String> aPrint = fingerprints(added, afterFingerprint);
    Map<String, List<String>> bKeys = keys(bPrint, neighbours(removed, bPrint, beforeConnections));
    Map<String, List<String>> aKeys = keys(aPrint, neighbours(added, aPrint, afterConnections));
    Map<String, String> renames = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : bKeys.entrySet()) {
      List<String> candidates = aKeys.get(e.getKey());
      if (candidates == null) {
        continue;
      }
      int n = Math.min(e.getValue().size(), candidates.size());
      for (int i = 0; i < n; i++) {
        renames.put(e.getValue().get(i), candidates.get(i));
      }
    }
    return renames;
  }

  private static Map<String, String> fingerprints(Set<String> names, Function<String, String> print) {
    Map<String, String> out = new HashMap<>();
    for (String n : names) {
      out.put(n, print.apply(n));
    }
    return out;
  }

  /** For each stage in the set, the sorted descriptions of its edges. */
  private static Map<String, List<String>> neighbours(
      Set<String> changed, Map<String, String> prints, Collection<Connection> connections) {
    Map<String, List<String>> out = new HashMap<>();
    for (Connection c : connections) {
      if (changed.contains(c.from())) {
        out.computeIfAbsent(c.from(), k -> new ArrayList<>())
            .add("out " + c.kind() + ' ' + c.port() + " -> " + ref(c.to(), changed, prints));
      }
      if (changed.contains(c.to())) {
        out.computeIfAbsent(c.to(), k -> new ArrayList<>())
            .add("in " + c.kind() + ' ' + c.port() + " <- " + ref(c.from(), changed, prints));
      }
    }
    out.values().forEach(l -> l.sort(null));
    return out;
  }

  private static String ref(String name, Set<String> changed, Map<String, String> prints) {
    return changed.contains(name) ? "?" + prints.get(name) : "=" + name;
  }

  /** Groups the stages by fingerprint plus neighbourhood; each group's names sorted. */
  private static Map<String, List<String>> keys(Map<String, String> prints, Map<String, List<String>> edges) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    new TreeMap<>(prints).forEach((name, print) -> {
      String key = print + "\n#edges\n" + String.join("\n", edges.getOrDefault(name, List.of()));
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
    });
    return out;
  }
}
