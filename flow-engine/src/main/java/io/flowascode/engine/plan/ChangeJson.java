package io.flowascode.engine.plan;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.engine.diff.Change;
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

  Change fromJson(JsonNode json) throws JsonProcessingException {
    ObjectNode copy = json.deepCopy();
    copy.remove(EFFECT);
    return mapper.treeToValue(copy, Change.class);
  }

  List<JsonNode> toJson(FlowDiff diff) {
    List<JsonNode> out = new ArrayList<>();
    diff.changes().forEach(c -> out.add(toJson(c)));
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
