package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The value a config gets when a stage is dropped on the canvas, exactly as the platform's UI
 * writes it (datacollector-ui {@code pipelineService.js}, {@code setDefaultValueForConfig}): the
 * definition's default, except that an unset boolean is false, an unset list {@code ['']}, an
 * unset map {@code []}, an unset field list {@code []}, and an unset list of beans one bean of
 * its fields' own canvas defaults.
 *
 * <p>The engine validates what it is given, and what it is given by people is what the UI wrote:
 * an empty list where the definition has no default passes the engine's required check, where a
 * {@code null} does not (VALIDATION_0007), and a {@code null} map fails stage creation
 * (CREATION_030). Emitting the UI's values makes a stage the user left unset exactly as valid as
 * the same stage dragged onto the canvas.
 */
public final class CanvasDefaults {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CanvasDefaults() {}

  /** The canvas value of a config; {@link NullNode} where the UI leaves the value out. */
  public static JsonNode of(ConfigDefinition def) {
    JsonNode d = def.defaultValue();
    JsonNode value = d == null || d.isNull() ? NullNode.getInstance() : d.deepCopy();
    if (def.type() == ConfigType.MODEL && def.model().isPresent()) {
      ConfigModel m = def.model().get();
      if (m.isMultiFieldSelector() && falsy(value)) {
        return JSON.arrayNode();
      }
      if (m.isListBean() && falsy(value)) {
        ArrayNode list = JSON.arrayNode();
        list.add(bean(m));
        return list;
      }
      return value;
    }
    return switch (def.type()) {
      case BOOLEAN -> value.isNull() ? JSON.booleanNode(false) : value;
      case LIST -> falsy(value) ? JSON.arrayNode().add("") : value;
      case MAP -> falsy(value) ? JSON.arrayNode() : value;
      default -> value;
    };
  }

  /**
   * One entry of a list of beans as the UI starts it: each field at its canvas value, and fields
   * without one left out (the UI writes them as undefined, which JSON drops).
   */
  public static ObjectNode bean(ConfigModel model) {
    ObjectNode bean = JSON.objectNode();
    for (ConfigDefinition field : model.beanConfigs()) {
      JsonNode v = of(field);
      if (!v.isNull()) {
        bean.set(field.name(), v);
      }
    }
    return bean;
  }

  /** JavaScript's falsiness, which decides where the UI replaces a default. */
  private static boolean falsy(JsonNode v) {
    return v.isNull() || v.isMissingNode()
        || (v.isBoolean() && !v.booleanValue())
        || (v.isTextual() && v.textValue().isEmpty())
        || (v.isNumber() && v.doubleValue() == 0);
  }
}
