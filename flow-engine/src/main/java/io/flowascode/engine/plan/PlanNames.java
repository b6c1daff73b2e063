package io.flowascode.engine.plan;

import io.flowascode.compiler.naming.StageNames;
import io.flowascode.engine.diff.Connection;
import io.flowascode.engine.diff.ConnectionKind;
import io.flowascode.engine.diff.PipelineOutline;
import io.flowascode.engine.diff.SpecialStage;
import java.util.Optional;

/**
 * Names things in a plan as the flow file does: a stage by its id with the platform's instance name
 * beside it (`big_orders (LocalFS_01)`), a selector's output by its predicate name (`route[big]`),
 * a special stage by its key (`error_records`). What the file does not name (a stage only the
 * remote has, a condition the file removed) keeps the platform's name.
 */
final class PlanNames {
  private final StageNames names;
  private final PipelineOutline desired;

  PlanNames(StageNames names, PipelineOutline desired) {
    this.names = names;
    this.desired = desired;
  }

  static PlanNames of(FlowPlan flow) {
    return new PlanNames(flow.names(), PipelineOutline.of(flow.desiredPipeline()));
  }

  /** The file's id of a stage, if it has one. */
  Optional<String> id(String instance) {
    return names.id(instance);
  }

  /** `big_orders (LocalFS_01)`, or `LocalFS_01` for a stage the file does not name. */
  String stage(String instance) {
    return id(instance).filter(id -> !id.equals(instance)).map(id -> id + " (" + instance + ")").orElse(instance);
  }

  /** `big_orders`, or the instance name for a stage the file does not name (connections use it). */
  String shortName(String instance) {
    return id(instance).orElse(instance);
  }

  /** The special stage an instance name belongs to in the desired pipeline, if any. */
  Optional<SpecialStage> special(String instance) {
    return Optional.ofNullable(desired.special().get(instance));
  }

  /** True when the instance is a stage on the desired canvas. */
  boolean onCanvas(String instance) {
    return desired.canvas().contains(instance);
  }

  /**
   * The file's name of a selector condition at a 1-based position of the desired list, when the
   * desired condition there is this expression (a removed condition has no name in the file).
   */
  Optional<String> predicate(String instance, int position, String expression) {
    Optional<String> name = names.predicate(instance, position);
    if (name.isEmpty() || expression == null) {
      return name;
    }
    return desired.condition(instance, position).filter(expression::equals).flatMap(e -> name);
  }

  /** The output a connection leaves from: `route[big]`, `route[default]`, `dedup[2]`, `source`. */
  String output(Connection c) {
    String from = shortName(c.from());
    if (c.kind() == ConnectionKind.EVENT || c.portLabel().isEmpty()) {
      return from;
    }
    String expression = c.predicateExpression();
    if (expression != null && c.portLabel().chars().allMatch(Character::isDigit)) {
      Optional<String> name = predicate(c.from(), Integer.parseInt(c.portLabel()), expression);
      if (name.isPresent()) {
        return from + "[" + name.get() + "]";
      }
    }
    return from + "[" + c.portLabel() + "]";
  }

  /** The file's name of a connection's output, when it has one beyond the stage (`big`, `default`, `2`). */
  Optional<String> outputName(Connection c) {
    String output = output(c);
    int open = output.lastIndexOf('[');
    return open < 0 ? Optional.empty() : Optional.of(output.substring(open + 1, output.length() - 1));
  }
}
