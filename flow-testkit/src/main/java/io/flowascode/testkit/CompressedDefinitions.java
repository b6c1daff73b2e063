package io.flowascode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A `/rest/v1/definitions` answer in the compressed form engine versions publish on watsonx
 * (`?schemaVersion=2`, NOTES §3.1; IBM's SDK `LibraryDefinitions`): `stages` emptied, each stage
 * once in `stageDefinitionMap` under `name::version` without its library, and
 * `stageDefinitionMinimalList` naming the library of each occurrence.
 */
final class CompressedDefinitions {
  private CompressedDefinitions() {}

  static ObjectNode of(JsonNode definitions) {
    ObjectNode compressed = ((ObjectNode) definitions).deepCopy();
    if (compressed.has("stageDefinitionMap") && compressed.path("stages").isEmpty()) {
      return compressed;
    }
    ObjectNode map = compressed.putObject("stageDefinitionMap");
    ArrayNode minimal = compressed.putArray("stageDefinitionMinimalList");
    for (JsonNode stage : definitions.path("stages")) {
      String key = stage.path("name").asText() + "::" + stage.path("version").asText();
      ObjectNode entry = minimal.addObject();
      entry.put("name", stage.path("name").asText());
      entry.put("version", stage.path("version").asText());
      entry.put("library", stage.path("library").asText());
      entry.put("libraryLabel", stage.path("libraryLabel").asText());
      if (!map.has(key)) {
        ObjectNode copy = ((ObjectNode) stage).deepCopy();
        copy.remove("library");
        copy.remove("libraryLabel");
        map.set(key, copy);
      }
    }
    compressed.putArray("stages");
    compressed.put("schemaVersion", "2");
    // IBM's SDK requires every one of these keys (some may be null).
    for (String required : new String[] {"pipeline", "pipelineFragment", "pipelineRules", "services",
        "rulesElMetadata", "elCatalog", "runtimeConfigs", "stageIcons", "legacyStageLibs", "eventDefinitions"}) {
      if (!compressed.has(required)) {
        compressed.putNull(required);
      }
    }
    for (String field : new String[] {"version", "executorVersion", "category", "categoryLabel"}) {
      if (!compressed.has(field)) {
        compressed.putNull(field);
      }
    }
    return compressed;
  }
}
