package io.flowascode.engine.diff;

import java.util.Objects;

/**
 * One edge of a pipeline's topology: which output of which stage feeds which stage. Lane names
 * are not part of it, so renaming a lane changes no connection.
 *
 * <p>The port identifies the output:
 * <ul>
 *   <li>`out`: the only data output of an ordinary stage (label empty);</li>
 *   <li>`1`, `2`, ...: the 1-based output of a stage with several fixed outputs (label the same);
 *   </li>
 *   <li>the predicate expression for a Stream Selector output, `default` for its default output
 *       (label: the 1-based position of the predicate, or `default`);</li>
 *   <li>`event` for the event lane (label `event`).</li>
 * </ul>
 *
 * @param port the output's identity (compared)
 * @param portLabel how to show the output after the stage name, empty for the only output (shown)
 */
public record Connection(String from, String port, String portLabel, String to, ConnectionKind kind) {
  public static final String ONLY_OUTPUT = "out";
  public static final String EVENT_PORT = "event";
  public static final String DEFAULT_PREDICATE = "default";

  public Connection {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(port, "port");
    portLabel = Objects.requireNonNullElse(portLabel, "");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
  }

  /** The identity of the edge: stages, port and kind, without the display label. */
  public String key() {
    return from + '\u0000' + port + '\u0000' + to + '\u0000' + kind;
  }

  /**
   * The predicate expression when the port is a Stream Selector condition, else null (also for
   * the default output, whose label already says `default`).
   */
  public String predicateExpression() {
    if (kind != ConnectionKind.DATA || ONLY_OUTPUT.equals(port) || port.equals(portLabel)) {
      return null;
    }
    return Topology.expressionOf(port);
  }

  /** `from[label]`, or just `from` for the only output or the event lane. */
  public String source() {
    return portLabel.isEmpty() || kind == ConnectionKind.EVENT ? from : from + "[" + portLabel + "]";
  }

  Connection renamed(String newFrom, String newTo) {
    return new Connection(newFrom, port, portLabel, newTo, kind);
  }

  Connection withPort(String newPort, String newLabel) {
    return new Connection(from, newPort, newLabel, to, kind);
  }
}
