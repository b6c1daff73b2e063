package io.flowascode.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.engine.diff.Change;
import io.flowascode.engine.diff.Connection;
import io.flowascode.engine.diff.ConnectionKind;
import io.flowascode.engine.diff.JsonValues;
import io.flowascode.engine.diff.StageRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One change as one line of a plan, the way a reviewer reads a diff: a sign (`+` added, `-`
 * removed, `~` changed) and a short statement in the flow language's terms.
 *
 * <p>Conventions: configs as `Instance.attribute: before -> after` with values as compact JSON
 * (strings quoted, long values cut at {@value #MAX_VALUE} characters); Stream Selector outputs as
 * `Instance[n]` (the 1-based position of the condition) or `Instance[default]`, a connection from
 * a condition followed by `# expression` (cut at {@value #MAX_HINT}); outputs of stages with fixed
 * outputs as `Instance[n]`; event connections as `event A >> B`; sensitive values never shown.
 */
public record ChangeLine(char sign, String text) {
  static final int MAX_VALUE = 120;
  static final int MAX_HINT = 60;

  @Override
  public String toString() {
    return sign + " " + text;
  }

  public static ChangeLine of(Change change) {
    if (change instanceof Change.TitleChanged c) {
      return changed("title: " + text(c.before()) + " -> " + text(c.after()));
    }
    if (change instanceof Change.DescriptionChanged c) {
      return changed("description: " + text(c.before()) + " -> " + text(c.after()));
    }
    if (change instanceof Change.LabelsChanged c) {
      return changed("labels: " + strings(c.before()) + " -> " + strings(c.after()));
    }
    if (change instanceof Change.ParameterChanged c) {
      return valueLine("parameter " + c.key(), c.before(), c.after(), c.sensitive());
    }
    if (change instanceof Change.SettingChanged c) {
      return valueLine("setting " + c.attribute(), c.before(), c.after(), c.sensitive());
    }
    if (change instanceof Change.SpecialStageChanged c) {
      return changed(c.role().word() + ": " + refs(c.before(), c.after()));
    }
    if (change instanceof Change.StageAdded c) {
      return new ChangeLine('+', "stage " + c.instance() + " (" + name(c.definition()) + ")");
    }
    if (change instanceof Change.StageRemoved c) {
      return new ChangeLine('-', "stage " + c.instance() + " (" + name(c.definition()) + ")");
    }
    if (change instanceof Change.StageRenamed c) {
      return changed("stage " + c.before() + " renamed to " + c.after() + " (" + name(c.definition()) + ")");
    }
    if (change instanceof Change.StageDefinitionChanged c) {
      return changed("stage " + c.instance() + ": " + refs(c.before(), c.after()));
    }
    if (change instanceof Change.StageLabelChanged c) {
      return changed("stage " + c.instance() + " label: " + text(c.before()) + " -> " + text(c.after()));
    }
    if (change instanceof Change.StageDescriptionChanged c) {
      return changed("stage " + c.instance() + " description: " + text(c.before()) + " -> " + text(c.after()));
    }
    if (change instanceof Change.ConfigChanged c) {
      return configLine(c.instance() + "." + c.attribute(), c.before(), c.after(), c.sensitive());
    }
    if (change instanceof Change.ServiceChanged c) {
      String service = c.instance() + " service " + simpleName(c.service());
      if (c.beforeVersion() == null) {
        return new ChangeLine('+', service + version(c.afterVersion()));
      }
      if (c.afterVersion() == null) {
        return new ChangeLine('-', service + version(c.beforeVersion()));
      }
      return changed(service + ": v" + c.beforeVersion() + " -> v" + c.afterVersion());
    }
    if (change instanceof Change.ServiceConfigChanged c) {
      return configLine(c.instance() + "." + c.attribute(), c.before(), c.after(), c.sensitive());
    }
    if (change instanceof Change.PredicateChanged c) {
      String output = c.instance() + "[" + c.index() + "] condition";
      if (c.before() == null) {
        return new ChangeLine('+', output + " " + c.after());
      }
      if (c.after() == null) {
        return new ChangeLine('-', output + " " + c.before());
      }
      return changed(output + ": " + c.before() + " -> " + c.after());
    }
    if (change instanceof Change.PredicatesReordered c) {
      return changed(c.instance() + " conditions reordered: " + newOrder(c.before(), c.after()));
    }
    if (change instanceof Change.ConnectionAdded c) {
      return new ChangeLine('+', connection(c.connection()));
    }
    if (change instanceof Change.ConnectionRemoved c) {
      return new ChangeLine('-', connection(c.connection()));
    }
    throw new IllegalArgumentException("no line for " + change.getClass().getSimpleName());
  }

  /** `A >> B`, `Sel[2] >> B  # ${expr}`, `event A >> B`. */
  public static String connection(Connection c) {
    if (c.kind() == ConnectionKind.EVENT) {
      return "event " + c.from() + " >> " + c.to();
    }
    String line = c.source() + " >> " + c.to();
    String expression = c.predicateExpression();
    return expression == null ? line : line + "  # " + abbreviate(expression, MAX_HINT);
  }

  private static ChangeLine changed(String text) {
    return new ChangeLine('~', text);
  }

  private static ChangeLine configLine(String subject, JsonNode before, JsonNode after, boolean sensitive) {
    if (sensitive) {
      return changed(subject + ": " + sensitiveChange(after));
    }
    return changed(subject + ": " + value(before) + " -> " + value(after));
  }

  /** For entries that can be added or removed (parameters, settings). */
  private static ChangeLine valueLine(String subject, JsonNode before, JsonNode after, boolean sensitive) {
    if (before == null && after != null) {
      return new ChangeLine('+', subject + " = " + (sensitive ? "(sensitive value)" : value(after)));
    }
    if (after == null && before != null) {
      return new ChangeLine('-', subject);
    }
    return sensitive ? changed(subject + ": " + sensitiveChange(after)) : changed(subject + ": " + value(before) + " -> " + value(after));
  }

  /** `(secret NAME changed)` for a configuration set from a secret, which names it; else no more than that it changed. */
  private static String sensitiveChange(JsonNode after) {
    String shown = after == null ? "" : after.asText();
    return shown.startsWith("(secret ") && shown.endsWith(")")
        ? shown.substring(0, shown.length() - 1) + " changed)" : "(sensitive value changed)";
  }

  static String value(JsonNode v) {
    return abbreviate(JsonValues.compact(v), MAX_VALUE);
  }

  private static String text(String s) {
    return s == null ? "null" : abbreviate(JsonValues.quote(s), MAX_VALUE);
  }

  private static String strings(List<String> list) {
    List<String> quoted = new ArrayList<>();
    list.forEach(s -> quoted.add(JsonValues.quote(s)));
    return "[" + String.join(", ", quoted) + "]";
  }

  static String name(StageRef ref) {
    return ref == null ? "none" : ref.displayName();
  }

  /** `Discard -> Write to File`; versions (and libraries) only where the names alone are equal. */
  private static String refs(StageRef before, StageRef after) {
    if (before == null || after == null || !name(before).equals(name(after))) {
      return name(before) + " -> " + name(after);
    }
    if (!before.version().equals(after.version())) {
      return name(before) + " v" + before.version() + " -> " + name(after) + " v" + after.version();
    }
    return name(before) + " (" + before.library() + ") -> " + name(after) + " (" + after.library() + ")";
  }

  private static String version(Integer v) {
    return v == null ? "" : " v" + v;
  }

  private static String simpleName(String fqcn) {
    int i = fqcn.lastIndexOf('.');
    return i < 0 ? fqcn : fqcn.substring(i + 1);
  }

  /** The desired order in terms of the remote positions: `2, 1, default`. */
  private static String newOrder(List<String> before, List<String> after) {
    Map<String, List<Integer>> positions = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      positions.computeIfAbsent(before.get(i), k -> new ArrayList<>()).add(i + 1);
    }
    List<String> out = new ArrayList<>();
    for (String p : after) {
      List<Integer> at = positions.get(p);
      if (Connection.DEFAULT_PREDICATE.equals(p.trim())) {
        out.add(Connection.DEFAULT_PREDICATE);
      } else if (at == null || at.isEmpty()) {
        out.add("new");
      } else {
        out.add(String.valueOf(at.remove(0)));
      }
    }
    return String.join(", ", out);
  }

  static String abbreviate(String s, int max) {
    String oneLine = s.replace("\r", "").replace('\n', ' ');
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
  }
}
