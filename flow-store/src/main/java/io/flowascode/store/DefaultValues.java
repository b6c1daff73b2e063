package io.flowascode.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;

/**
 * The value the platform gives a config it adds, in its two flavours: a config missing from a
 * saved stage gets the definition's default as published, while a stage the platform creates
 * itself (the error, statistics and test-origin stages of a new pipeline) gets the richer value of
 * `PipelineConfigurationUtil.getConfigWithDefaultValue`, where lists and maps start empty, booleans
 * false and a list of beans holds one bean of defaults.
 */
final class DefaultValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DefaultValues() {}

  /** The published default, a JSON null when the definition has none. */
  static JsonNode published(ConfigDefinition config) {
    JsonNode value = config.defaultValue();
    return value == null ? NODES.nullNode() : value.deepCopy();
  }

  /** The value a stage created by the platform starts with. */
  static JsonNode forNewStage(ConfigDefinition config) {
    switch (config.type()) {
      case MODEL -> {
        ConfigModel model = config.model().orElse(null);
        if (model != null && "FIELD_SELECTOR_MULTI_VALUE".equals(model.modelType())) {
          return NODES.arrayNode();
        }
        if (model != null && model.isListBean()) {
          ObjectNode bean = NODES.objectNode();
          for (ConfigDefinition field : model.beanConfigs()) {
            bean.set(field.name(), forNewStage(field));
          }
          ArrayNode list = NODES.arrayNode();
          list.add(bean);
          return list;
        }
        return published(config);
      }
      case MAP, LIST -> {
        return NODES.arrayNode();
      }
      case BOOLEAN -> {
        return NODES.booleanNode(false);
      }
      default -> {
        return published(config);
      }
    }
  }
}
