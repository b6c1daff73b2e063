package io.flowascode.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.engine.diff.Change;
import io.flowascode.engine.diff.Connection;
import io.flowascode.engine.diff.ConnectionKind;
import io.flowascode.engine.diff.JsonValues;
import io.flowascode.engine.diff.StageRef;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a plan, the way a reviewer reads a diff: a sign (`+` added, `-` removed, `~`
 * changed), a depth (0 for the flow's own lines, 1 under a stage) and a short statement in the
 * flow file's words.
 *
 * <p>Conventions: values as compact JSON (strings quoted, long values cut at {@value #MAX_VALUE}
 * characters); stages as `id (Instance)`; outputs as `route[big]`, `route[default]`,
 * `dedup[2]`; a connection from a selector condition followed by `# expression` (cut at {@value
 * #MAX_HINT}); event connections as `event a >> b`; sensitive values never shown.
 */
public record ChangeLine(char sign, int depth, String text) {
  static final int MAX_VALUE = 120;
  static final int MAX_HINT = 60;

  @Override
  public String toString() {
    return sign + " " + text;
  }

  // ---- the flow's own lines -----------------------------------------------------------------

  /**
   * A pipeline-level change (title, labels, parameters, settings, special stages and their
   * configs); {@code creating} words it as what the new flow will have rather than as a change
   * from an empty pipeline.
   */
  static ChangeLine ofFlow(Change change, PlanNames names, boolean creating) {
    if (change instanceof Change.TitleChanged c) {
      return changed("title: " + text(c.before()) + " -> " + text(c.after()));
    }
    if (change instanceof Change.DescriptionChanged c) {
      return changed("description: " + text(c.before()) + " -> " + text(c.after()));
    }
    if (change instanceof Change.LabelsChanged c) {
      return creating ? added("labels " + strings(c.after())) : changed("labels: " + strings(c.before()) + " -> " + strings(c.after()));
    }
    if (change instanceof Change.ParameterChanged c) {
      return valueLine("parameter " + c.key(), c.before(), c.after(), c.sensitive(), creating);
    }
    if (change instanceof Change.SettingChanged c) {
      return creating ? valueLine("setting " + c.attribute(), null, c.after(), c.sensitive(), true)
          : valueLine("setting " + c.attribute(), c.before(), c.after(), c.sensitive(), false);
    }
    if (change instanceof Change.SpecialStageChanged c) {
      return creating && c.after() != null ? added(c.role().word() + ": " + name(c.after()))
          : changed(c.role().word() + ": " + refs(c.before(), c.after()));
    }
    String instance = instanceOf(change);
    if (instance != null) {
      String owner = names.special(instance).map(s -> s.word()).orElse(instance);
      ChangeLine line = ofStage(change, names);
      if (creating && line.sign() == '~' && change instanceof Change.ConfigChanged c && !c.sensitive()) {
        return added(owner + "." + c.attribute() + " = " + value(c.after()));
      }
      return new ChangeLine(line.sign(), 0, owner + (line.text().startsWith("service") ? " " : ".") + line.text());
    }
    throw new IllegalArgumentException("no flow line for " + change.getClass().getSimpleName());
  }

  // ---- stage headers and the lines under them ------------------------------------------------

  /** `+ stage source (DevRawDataSource_01): Dev Raw Data Source`. */
  static ChangeLine stageAdded(Change.StageAdded c, PlanNames names) {
    return added("stage " + names.stage(c.instance()) + ": " + name(c.definition()));
  }

  /** `- stage Trash_03: Trash`. */
  static ChangeLine stageRemoved(Change.StageRemoved c, PlanNames names) {
    return new ChangeLine('-', 0, "stage " + names.stage(c.instance()) + ": " + name(c.definition()));
  }

  /** `~ stage archive (LocalFS_02, was LocalFS_01): Local FS`. */
  static ChangeLine stageRenamed(Change.StageRenamed c, PlanNames names) {
    String id = names.id(c.after()).map(i -> i + " (").orElse("(");
    return changed("stage " + id + c.after() + ", was " + c.before() + "): " + name(c.definition()));
  }

  /** `~ stage source (DevRawDataSource_01)`, heading the stage's own changes. */
  static ChangeLine stageChanged(String instance, PlanNames names) {
    return changed("stage " + names.stage(instance));
  }

  /** A change of one stage, worded as a line under its heading (depth 1). */
  static ChangeLine ofStage(Change change, PlanNames names) {
    ChangeLine line = stageLine(change, names);
    return new ChangeLine(line.sign(), 1, line.text());
  }

  private static ChangeLine stageLine(Change change, PlanNames names) {
    if (change instanceof Change.StageDefinitionChanged c) {
      return changed("definition: " + refs(c.before(), c.after()));
    }
    if (change instanceof Change.StageLabelChanged c) {
      return changed("UI name: " + text(c.before()) + " -> " + text(c.after()));
    }
    if (change instanceof Change.StageDescriptionChanged c) {
      return changed("description: " + text(c.before()) + " -> " + text(c.after()));
    }
    if (change instanceof Change.ConfigChanged c) {
      return configLine(c.attribute(), c.before(), c.after(), c.sensitive());
    }
    if (change instanceof Change.ServiceChanged c) {
      String service = "service " + simpleName(c.service());
      if (c.beforeVersion() == null) {
        return added(service + version(c.afterVersion()));
      }
      if (c.afterVersion() == null) {
        return new ChangeLine('-', 0, service + version(c.beforeVersion()));
      }
      return changed(service + ": v" + c.beforeVersion() + " -> v" + c.afterVersion());
    }
    if (change instanceof Change.ServiceConfigChanged c) {
      return configLine(c.attribute(), c.before(), c.after(), c.sensitive());
    }
    if (change instanceof Change.PredicateChanged c) {
      if (c.after() == null) {
        return new ChangeLine('-', 0, "predicate " + c.before());
      }
      String predicate = "predicate " + names.predicate(c.instance(), c.index(), c.after()).orElse("[" + c.index() + "]");
      if (c.before() == null) {
        return added(predicate + ": " + c.after());
      }
      return changed(predicate + ": " + c.before() + " -> " + c.after());
    }
    if (change instanceof Change.PredicatesReordered c) {
      List<String> order = new ArrayList<>();
      for (int i = 0; i < c.after().size(); i++) {
        String expression = c.after().get(i);
        order.add(Connection.DEFAULT_PREDICATE.equals(expression.trim()) ? Connection.DEFAULT_PREDICATE
            : names.predicate(c.instance(), i + 1, expression).orElse(abbreviate(expression, MAX_HINT)));
      }
      return changed("predicates in a new order: " + String.join(", ", order));
    }
    throw new IllegalArgumentException("no stage line for " + change.getClass().getSimpleName());
  }

  // ---- connections ----------------------------------------------------------------------------

  static ChangeLine ofConnection(Change change, PlanNames names) {
    if (change instanceof Change.ConnectionAdded c) {
      return added(connection(c.connection(), names));
    }
    if (change instanceof Change.ConnectionRemoved c) {
      return new ChangeLine('-', 0, connection(c.connection(), names));
    }
    throw new IllegalArgumentException("no connection line for " + change.getClass().getSimpleName());
  }

  /** `a >> b`, `route[big] >> b  # ${expr}`, `event a >> b`. */
  static String connection(Connection c, PlanNames names) {
    if (c.kind() == ConnectionKind.EVENT) {
      return "event " + names.shortName(c.from()) + " >> " + names.shortName(c.to());
    }
    String line = names.output(c) + " >> " + names.shortName(c.to());
    String expression = c.predicateExpression();
    return expression == null ? line : line + "  # " + abbreviate(expression, MAX_HINT);
  }

  /** The stage a change is about, for changes of one stage or one special stage; else null. */
  static String instanceOf(Change c) {
    if (c instanceof Change.StageDefinitionChanged x) {
      return x.instance();
    }
    if (c instanceof Change.StageLabelChanged x) {
      return x.instance();
    }
    if (c instanceof Change.StageDescriptionChanged x) {
      return x.instance();
    }
    if (c instanceof Change.ConfigChanged x) {
      return x.instance();
    }
    if (c instanceof Change.ServiceChanged x) {
      return x.instance();
    }
    if (c instanceof Change.ServiceConfigChanged x) {
      return x.instance();
    }
    if (c instanceof Change.PredicateChanged x) {
      return x.instance();
    }
    if (c instanceof Change.PredicatesReordered x) {
      return x.instance();
    }
    return null;
  }

  // ---- wording --------------------------------------------------------------------------------

  private static ChangeLine changed(String text) {
    return new ChangeLine('~', 0, text);
  }

  private static ChangeLine added(String text) {
    return new ChangeLine('+', 0, text);
  }

  private static ChangeLine configLine(String subject, JsonNode before, JsonNode after, boolean sensitive) {
    if (sensitive) {
      return changed(subject + ": " + sensitiveChange(after));
    }
    return changed(subject + ": " + value(before) + " -> " + value(after));
  }

  /** For entries that can be added or removed (parameters, settings). */
  private static ChangeLine valueLine(String subject, JsonNode before, JsonNode after, boolean sensitive, boolean creating) {
    if ((before == null || creating) && after != null) {
      return added(subject + " = " + (sensitive ? "(sensitive value)" : value(after)));
    }
    if (after == null && before != null) {
      return new ChangeLine('-', 0, subject);
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

  static String abbreviate(String s, int max) {
    String oneLine = s.replace("\r", "").replace('\n', ' ');
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
  }
}
