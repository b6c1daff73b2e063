package io.flowascode.engine.plan;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.engine.diff.Change;
import io.flowascode.engine.diff.Connection;
import io.flowascode.engine.diff.FlowDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to and from JSON: `{"type": "<record name>", "effect": "ADD|CHANGE|DELETE", ...the
 * record's components by name...}`. The record names and component names are the schema
 * documented in `docs/plan-format.md`; Jackson is told about the types here, with a mix-in, so the
 * diff's records stay free of serialisation concerns.
 */
final class ChangeJson {
  static final String TYPE = "type";
  static final String EFFECT = "effect";
  static final String STAGE = "stage";
  static final String FROM_STAGE = "fromStage";
  static final String TO_STAGE = "toStage";
  static final String OUTPUT = "output";

  private final ObjectMapper mapper;

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = TYPE)
  private interface ChangeMixIn {}

  ChangeJson(ObjectMapper base) {
    mapper = base.copy();
    mapper.addMixIn(Change.class, ChangeMixIn.class);
    for (Class<?> kind : Change.class.getPermittedSubclasses()) {
      mapper.registerSubtypes(new NamedType(kind, kind.getSimpleName()));
    }
  }

  ObjectNode toJson(Change change) {
    ObjectNode raw = mapper.valueToTree(change);
    ObjectNode out = mapper.createObjectNode();
    out.set(TYPE, raw.remove(TYPE));
    out.put(EFFECT, change.effect().name());
    out.setAll(raw);
    return out;
  }

  /**
   * With the file's words beside the platform's: `stage` (the file's id of the stage the change is
   * about, null when the file does not name it) and, in a connection, `fromStage`, `toStage` and
   * `output` (`big` for a selector's predicate, `default`, `2`; null for the only output).
   */
  ObjectNode toJson(Change change, PlanNames names) {
    ObjectNode out = toJson(change);
    String instance = ChangeLine.instanceOf(change);
    if (change instanceof Change.StageAdded a) {
      instance = a.instance();
    } else if (change instanceof Change.StageRemoved r) {
      instance = r.instance();
    } else if (change instanceof Change.StageRenamed r) {
      instance = r.after();
    }
    if (instance != null) {
      out.put(STAGE, names.id(instance).orElse(null));
    }
    JsonNode connection = out.get("connection");
    Connection c = change instanceof Change.ConnectionAdded a ? a.connection()
        : change instanceof Change.ConnectionRemoved r ? r.connection() : null;
    if (c != null && connection instanceof ObjectNode o) {
      o.put(FROM_STAGE, names.id(c.from()).orElse(null));
      o.put(TO_STAGE, names.id(c.to()).orElse(null));
      o.put(OUTPUT, names.outputName(c).orElse(null));
    }
    return out;
  }

  Change fromJson(JsonNode json) throws JsonProcessingException {
    ObjectNode copy = json.deepCopy();
    copy.remove(EFFECT);
    copy.remove(STAGE);
    if (copy.get("connection") instanceof ObjectNode o) {
      o.remove(List.of(FROM_STAGE, TO_STAGE, OUTPUT));
    }
    return mapper.treeToValue(copy, Change.class);
  }

  List<JsonNode> toJson(FlowDiff diff, PlanNames names) {
    List<JsonNode> out = new ArrayList<>();
    diff.changes().forEach(c -> out.add(toJson(c, names)));
    return out;
  }

  FlowDiff diffFromJson(JsonNode changes) throws JsonProcessingException {
    List<Change> out = new ArrayList<>();
    for (JsonNode c : changes) {
      out.add(fromJson(c));
    }
    return new FlowDiff(out);
  }
}
