package io.flowascode.compiler.catalog;

import java.util.List;

/**
 * The `model` of a MODEL config: a value chooser with its allowed values, a predicate list, or a
 * list of beans with their own config definitions.
 *
 * @param openChoice true when the values are only what the UI offers: the platform stores the
 *     config as text and accepts any value on save (a charset or time zone chooser), where for the
 *     other choosers it refuses a value outside the list (CREATION_010)
 */
public record ConfigModel(
    String modelType, List<String> values, List<String> labels, List<ConfigDefinition> beanConfigs, boolean openChoice) {

  public ConfigModel {
    values = List.copyOf(values);
    labels = List.copyOf(labels);
    beanConfigs = List.copyOf(beanConfigs);
  }

  public ConfigModel(String modelType, List<String> values, List<String> labels, List<ConfigDefinition> beanConfigs) {
    this(modelType, values, labels, beanConfigs, false);
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

  public boolean isFieldSelector() {
    return "FIELD_SELECTOR".equals(modelType);
  }

  public boolean isMultiFieldSelector() {
    return "FIELD_SELECTOR_MULTI_VALUE".equals(modelType);
  }
}
