package io.flowascode.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.engine.diff.DiffView.StageView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives which output of which stage feeds which stage from the lane names, so that the diff
 * compares the graph and never the (generated) lane strings. See {@link Connection} for how
 * outputs are identified.
 *
 * <p>A lane no stage produces is not a connection (the platform reports it as an issue), and
 * pipeline fragments are not expanded.
 */
public final class Topology {
  /** Appended to the second and later copies of the same predicate expression in one selector. */
  private static final Pattern DUPLICATE_SUFFIX = Pattern.compile(" #\\d+$");

  /** Connections by source stage, port label, target and kind: the order they are shown in. */
  public static final Comparator<Connection> ORDER = Comparator
      .comparing(Connection::from)
      .thenComparing(Connection::kind)
      .thenComparing(Connection::portLabel, Topology::comparePortLabels)
      .thenComparing(Connection::to)
      .thenComparing(Connection::port);

  private Topology() {}

  /** The connections of a pipeline JSON (bare, envelope or IBM flow), sorted. */
  public static List<Connection> connections(JsonNode pipeline) {
    return of(DiffView.of(pipeline));
  }

  /** Each canvas stage's instance name and UI label (empty when none), by instance name. */
  public static SortedMap<String, String> stageLabels(JsonNode pipeline) {
    SortedMap<String, String> out = new TreeMap<>();
    DiffView.of(pipeline).stages().forEach((name, s) -> out.put(name, s.label() == null ? "" : s.label()));
    return out;
  }

  /** A port of one stage: identity and label. */
  record Port(String id, String label, ConnectionKind kind) {}

  static List<Connection> of(DiffView pipeline) {
    // Sorted so that the stage order in the JSON (which the platform rewrites) cannot matter.
    Map<String, StageView> stages = new TreeMap<>(pipeline.stages());
    Map<String, String> producer = new HashMap<>();
    Map<String, Port> ports = new HashMap<>();
    for (StageView s : stages.values()) {
      portsOf(s).forEach((lane, port) -> {
        if (producer.putIfAbsent(lane, s.instance()) == null) {
          ports.put(lane, port);
        }
      });
    }
    List<Connection> out = new ArrayList<>();
    for (StageView s : stages.values()) {
      for (String lane : s.inputLanes()) {
        String from = producer.get(lane);
        if (from != null) {
          Port p = ports.get(lane);
          out.add(new Connection(from, p.id(), p.label(), s.instance(), p.kind()));
        }
      }
    }
    out.sort(ORDER);
    return out;
  }

  /** The ports of a stage by lane name. */
  static Map<String, Port> portsOf(StageView s) {
    Map<String, Port> out = new HashMap<>();
    List<String> outputs = s.outputLanes();
    if (s.isSelector()) {
      List<String> ids = predicatePorts(s.predicates());
      Map<String, Integer> byLane = new HashMap<>();
      for (int i = 0; i < s.predicateLanes().size(); i++) {
        byLane.putIfAbsent(s.predicateLanes().get(i), i);
      }
      for (int i = 0; i < outputs.size(); i++) {
        Integer p = byLane.get(outputs.get(i));
        out.put(outputs.get(i), p == null
            // An output without a condition is broken; keep it distinct by position.
            ? new Port("#" + (i + 1), "#" + (i + 1), ConnectionKind.DATA)
            : new Port(ids.get(p), predicateLabel(s.predicates(), p), ConnectionKind.DATA));
      }
    } else if (outputs.size() > 1) {
      for (int i = 0; i < outputs.size(); i++) {
        String n = String.valueOf(i + 1);
        out.put(outputs.get(i), new Port(n, n, ConnectionKind.DATA));
      }
    } else if (outputs.size() == 1) {
      out.put(outputs.get(0), new Port(Connection.ONLY_OUTPUT, "", ConnectionKind.DATA));
    }
    for (String lane : s.eventLanes()) {
      out.putIfAbsent(lane, new Port(Connection.EVENT_PORT, Connection.EVENT_PORT, ConnectionKind.EVENT));
    }
    return out;
  }

  /** The port ids of a condition list: the expression, made unique if it repeats. */
  static List<String> predicatePorts(List<String> predicates) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>(predicates.size());
    for (String p : predicates) {
      int n = seen.merge(p, 1, Integer::sum);
      out.add(n == 1 ? p : p + " #" + n);
    }
    return out;
  }

  /** `default` for the default condition, else its 1-based position. */
  static String predicateLabel(List<String> predicates, int index) {
    return Connection.DEFAULT_PREDICATE.equals(predicates.get(index).trim())
        ? Connection.DEFAULT_PREDICATE
        : String.valueOf(index + 1);
  }

  /** The expression of a predicate port id. */
  static String expressionOf(String port) {
    Matcher m = DUPLICATE_SUFFIX.matcher(port);
    return m.find() ? port.substring(0, m.start()) : port;
  }

  /** Numeric labels in numeric order, then `default`, then anything else. */
  private static int comparePortLabels(String a, String b) {
    boolean an = a.chars().allMatch(Character::isDigit) && !a.isEmpty();
    boolean bn = b.chars().allMatch(Character::isDigit) && !b.isEmpty();
    if (an && bn) {
      return Integer.compare(a.length(), b.length()) != 0
          ? Integer.compare(a.length(), b.length())
          : a.compareTo(b);
    }
    if (an != bn) {
      return an ? -1 : 1;
    }
    return a.compareTo(b);
  }
}
