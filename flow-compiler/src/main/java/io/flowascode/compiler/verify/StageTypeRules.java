package io.flowascode.compiler.verify;

import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each kind of canvas stage may be wired to: origins read nothing and write their fixed
 * number of lanes, processors read and write, destinations and executors read and write nothing;
 * events only from stages that produce them; hidden stages off the canvas; one origin.
 */
final class StageTypeRules implements PipelineRule {

  @Override
  public void check(Verification v) {
    for (StageInstance s : v.pipeline().stages()) {
      if (s.eventLanes().size() > 1) {
        v.report("VALIDATION_0101", s, s.displayName() + " has " + s.eventLanes().size()
            + " event lanes; a stage has at most one");
      }
      v.definition(s).ifPresent(def -> check(v, s, def));
    }
    origins(v);
  }

  private static void check(Verification v, StageInstance s, StageDefinition def) {
    String name = s.displayName();
    String what = name + " (" + def.label() + ", " + def.type().word() + ")";
    if (!def.hideStage().isEmpty()) {
      v.report("VALIDATION_0037", s, what + " cannot be on the canvas; the platform only uses it as "
          + String.join(" or ", def.hideStage()).toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    if (def.inputStreams() > 0 && def.inputStreams() != s.inputLanes().size()) {
      v.report("VALIDATION_0094", s, what + " reads " + s.inputLanes().size() + " lanes; " + def.label()
          + " needs exactly " + def.inputStreams());
    }
    switch (def.type()) {
      case ORIGIN -> {
        if (!s.inputLanes().isEmpty()) {
          v.report("VALIDATION_0012", s, what + " has input lanes; an origin reads no lanes");
        }
        outputCount(v, s, def, what);
      }
      case PROCESSOR -> {
        if (s.inputLanes().isEmpty() && !v.options().fragment()) {
          v.report("VALIDATION_0014", s, what + " has no input lanes; a processor must read at least one");
        }
        outputCount(v, s, def, what);
      }
      case DESTINATION, EXECUTOR -> {
        if (s.inputLanes().isEmpty() && !v.options().fragment()) {
          v.report("VALIDATION_0014", s, what + " has no input lanes; a " + def.type().word()
              + " must read at least one");
        }
        if (!s.outputLanes().isEmpty()) {
          v.report("VALIDATION_0013", s, what + " has output lanes; a " + def.type().word() + " writes none");
        }
      }
    }
    if (!def.producesEvents() && !s.eventLanes().isEmpty()) {
      v.report("VALIDATION_0102", s, what + " has an event lane, but " + def.label() + " produces no events");
    }
  }

  private static void outputCount(Verification v, StageInstance s, StageDefinition def, String what) {
    int lanes = s.outputLanes().size();
    if (!def.variableOutputStreams()) {
      if (lanes != def.outputStreams()) {
        v.report("VALIDATION_0015", s, what + " has " + lanes + " output lanes; " + def.label() + " has "
            + def.outputStreams());
      }
    } else if (lanes == 0) {
      v.report("VALIDATION_0032", s, what + " has no output lanes; it needs at least one");
    }
  }

  /**
   * Exactly one origin, taken in the platform's sorted order. A stage without a definition that
   * reads nothing may be the origin, so no VALIDATION_0003 is claimed while one exists.
   */
  private static void origins(Verification v) {
    List<StageInstance> ordered = new ArrayList<>(v.lanes().sorted());
    ordered.addAll(v.lanes().unsortable());
    List<StageInstance> origins = new ArrayList<>();
    boolean possibleOrigin = false;
    for (StageInstance s : ordered) {
      Optional<StageDefinition> def = v.definition(s);
      if (def.isPresent() && def.get().type() == StageType.ORIGIN) {
        origins.add(s);
      } else if (def.isEmpty() && s.inputLanes().isEmpty()) {
        possibleOrigin = true;
      }
    }
    if (origins.isEmpty() && !possibleOrigin && !ordered.isEmpty() && !v.options().fragment()) {
      v.report("VALIDATION_0003", ordered.get(0), "the pipeline has no origin; its first stage "
          + ordered.get(0).displayName() + " must be one");
    }
    if (origins.size() > 1 && !v.options().multipleOriginsAllowed()) {
      for (StageInstance extra : origins.subList(1, origins.size())) {
        v.report("VALIDATION_0004", extra, extra.displayName() + " is a second origin (after "
            + origins.get(0).displayName() + "); the engine allows one origin per pipeline");
      }
    }
  }
}
