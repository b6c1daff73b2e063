package io.flowascode.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.fragment.FragmentDefaults;
import io.flowascode.compiler.fragment.FragmentInstantiation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stage that uses a fragment, as the flow writes it: the fragment file, the parameter values
 * that differ from the fragment's defaults, and the instance id, parameter prefix and placeholder
 * name only where the compiler would choose others.
 */
final class FragmentUseNode {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private FragmentUseNode() {}

  /** `ReadFilesFromS3` for `Read Files from S3`, from which stage ids are made (`read_files_from_s3`). */
  static String idBase(String title) {
    StringBuilder b = new StringBuilder();
    for (String word : title.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return b.toString();
  }

  static ObjectNode of(FragmentImports.Use use, String path, String id) {
    ObjectNode node = JSON.objectNode();
    node.put("fragment", path);
    Map<String, JsonNode> defaults = new LinkedHashMap<>();
    for (JsonNode kv : FragmentInstantiation.constants(use.fragment())) {
      defaults.putIfAbsent(kv.path("key").asText(), kv.path("value"));
    }
    ObjectNode parameters = JSON.objectNode();
    use.values().forEach((name, value) -> {
      JsonNode fallback = defaults.get(name);
      if (fallback == null || !fallback.asText().equals(value.asText())) {
        parameters.set(name, value.isTextual() ? ParameterValues.written(value.asText()) : value);
      }
    });
    if (!parameters.isEmpty()) {
      node.set("parameters", parameters);
    }
    if (!use.instanceId().equals(FragmentDefaults.instanceId(id))) {
      node.put("instance_id", use.instanceId());
    }
    if (!use.prefix().equals(FragmentDefaults.prefix(id))) {
      node.put("parameter_prefix", use.prefix());
    }
    String placeholder = use.placeholder().path("instanceName").asText();
    if (!placeholder.equals(FragmentDefaults.placeholderName(use.instanceId(), use.kind()))) {
      node.put("instance_name", placeholder);
    }
    JsonNode uiInfo = use.placeholder().path("uiInfo");
    // The UI name, unless it is the fragment's title, which the compiler gives the use anyway.
    String label = uiInfo.path("label").asText("");
    if (!label.isEmpty() && !label.equals(use.title())) {
      node.put("title", label);
    }
    String description = uiInfo.path("description").asText("");
    if (!description.isEmpty()) {
      node.put("description", description);
    }
    UiState.fragmentUse(uiInfo).ifPresent(ui -> node.set("ui", ui));
    return node;
  }
}
