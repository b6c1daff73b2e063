package io.flowascode.compiler.catalog;

import java.util.List;

/**
 * The `model` of a MODEL config: a value chooser with its allowed values, a predicate list, or a
 * list of beans with their own config definitions.
 */
public record ConfigModel(
    String modelType, List<String> values, List<String> labels, List<ConfigDefinition> beanConfigs) {

  public ConfigModel {
    values = List.copyOf(values);
    labels = List.copyOf(labels);
    beanConfigs = List.copyOf(beanConfigs);
  }

  public boolean isValueChooser() {
    return "VALUE_CHOOSER".equals(modelType);
  }

  public boolean isMultiValueChooser() {
    return "MULTI_VALUE_CHOOSER".equals(modelType);
  }

  public boolean isListBean() {
    return "LIST_BEAN".equals(modelType);
  }

  public boolean isPredicate() {
    return "PREDICATE".equals(modelType);
  }
}
