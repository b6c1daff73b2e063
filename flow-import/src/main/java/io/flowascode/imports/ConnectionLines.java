package io.flowascode.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a pipeline's lanes as the flow language's connection lines, the way a person would:
 * `a >> b >> c` while the stage in the middle has one input and one output, `a >> [b, c]` where
 * one output feeds several stages, `route[big] >> x` for a predicate and `dedup[2] >> y` for a
 * numbered output. Lines start at stages in pipeline order, so the text is the same for the same
 * topology.
 */
final class ConnectionLines {
  /** One output of a stage: its port (a predicate name, an output number, or "" for the only output). */
  record Port(String name, List<Integer> targets) {
    Port {
      targets = List.copyOf(targets);
    }
  }

  private final List<String> ids;
  private final List<List<Port>> ports;
  private final int[] incoming;
  private final Set<String> written = new HashSet<>();

  private ConnectionLines(List<String> ids, List<List<Port>> ports) {
    this.ids = ids;
    this.ports = ports;
    this.incoming = new int[ids.size()];
    for (List<Port> stagePorts : ports) {
      for (Port p : stagePorts) {
        p.targets().forEach(t -> incoming[t]++);
      }
    }
  }

  /**
   * @param ids the stage ids, in pipeline order
   * @param ports each stage's outputs in port order (predicates in order then `default`, or 1..n)
   */
  static List<String> data(List<String> ids, List<List<Port>> ports) {
    return new ConnectionLines(ids, ports).lines();
  }

  /** Event lines: `a >> b`, or `a >> [b, c]` when one event lane feeds several stages. */
  static List<String> events(List<String> ids, List<List<Integer>> targets) {
    List<List<Port>> ports = new ArrayList<>();
    for (List<Integer> t : targets) {
      ports.add(t.isEmpty() ? List.of() : List.of(new Port("", t)));
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      for (Port p : ports.get(i)) {
        lines.add(ids.get(i) + " >> " + group(ids, p.targets()));
      }
    }
    return lines;
  }

  private List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (isChainMiddle(i)) {
        continue;
      }
      for (Port p : ports.get(i)) {
        if (!p.targets().isEmpty() && !written.contains(key(i, p))) {
          lines.add(chain(i, p));
        }
      }
    }
    // Stages that only chain into each other in a cycle have no head; write what is left plainly.
    for (int i = 0; i < ids.size(); i++) {
      for (Port p : ports.get(i)) {
        if (!p.targets().isEmpty() && written.add(key(i, p))) {
          lines.add(ref(i, p) + " >> " + group(ids, p.targets()));
        }
      }
    }
    return lines;
  }

  private String chain(int from, Port port) {
    StringBuilder line = new StringBuilder(ref(from, port));
    int stage = from;
    Port current = port;
    while (true) {
      written.add(key(stage, current));
      List<Integer> targets = current.targets();
      line.append(" >> ").append(group(ids, targets));
      if (targets.size() != 1) {
        return line.toString();
      }
      int next = targets.get(0);
      if (!isChainMiddle(next)) {
        return line.toString();
      }
      Port only = usedPorts(next).get(0);
      if (written.contains(key(next, only))) {
        return line.toString();
      }
      stage = next;
      current = only;
    }
  }

  /** A stage with one input, from an output that feeds only it, and one unnamed output in use. */
  private boolean isChainMiddle(int stage) {
    if (incoming[stage] != 1) {
      return false;
    }
    List<Port> used = usedPorts(stage);
    if (used.size() != 1 || !used.get(0).name().isEmpty()) {
      return false;
    }
    for (int i = 0; i < ids.size(); i++) {
      for (Port p : ports.get(i)) {
        if (p.targets().contains(stage)) {
          return i != stage && p.targets().size() == 1;
        }
      }
    }
    return false;
  }

  private List<Port> usedPorts(int stage) {
    return ports.get(stage).stream().filter(p -> !p.targets().isEmpty()).toList();
  }

  private String ref(int stage, Port port) {
    return port.name().isEmpty() ? ids.get(stage) : ids.get(stage) + "[" + port.name() + "]";
  }

  private static String key(int stage, Port port) {
    return stage + "|" + port.name();
  }

  private static String group(List<String> ids, List<Integer> targets) {
    if (targets.size() == 1) {
      return ids.get(targets.get(0));
    }
    return "[" + String.join(", ", targets.stream().map(ids::get).toList()) + "]";
  }
}
