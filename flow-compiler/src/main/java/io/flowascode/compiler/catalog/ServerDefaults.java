package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The value the engine itself gives a config it finds missing, and writes into the settings of a
 * pipeline it creates: the definition's default as stored (a map as `[{key, value}]`). Stage
 * configs a person sets in the UI start from {@link CanvasDefaults} instead.
 */
public final class ServerDefaults {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ServerDefaults() {}

  public static JsonNode of(ConfigDefinition def) {
    JsonNode d = def.defaultValue();
    if (d == null) {
      return NullNode.getInstance();
    }
    if (def.type() == ConfigType.MAP && d.isObject()) {
      ArrayNode list = JSON.arrayNode();
      d.properties().forEach(e -> list.add(JSON.objectNode().put("key", e.getKey()).set("value", e.getValue())));
      return list;
    }
    return d.deepCopy();
  }
}
