package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The UI's tab for each config group of a stage or service: `DATA_FORMAT` shows as "Data Format",
 * `REMOTE` as "SFTP/FTP/FTPS". The catalog keeps each config's group name; the labels come from the
 * engine's definitions (`configGroupDefinition.groupNameToLabelMapList`): bundled for the stages of
 * the bundled catalog (generated with it from the same platform material), read from a definitions
 * file or lock for the user's own. A group no definition labels shows its name in words.
 */
public final class ConfigGroups {
  public static final String RESOURCE = "/io/flowascode/compiler/catalog/groups/config-groups.json";
  /** What the UI calls configs without a group. */
  public static final String GENERAL = "General";

  private final Map<String, Map<String, String>> labels;

  /** @param labels by owner, each owner's groups in the UI's tab order */
  public ConfigGroups(Map<String, Map<String, String>> labels) {
    Map<String, Map<String, String>> copy = new TreeMap<>();
    labels.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(v))));
    this.labels = copy;
  }

  /** The labels of the bundled catalog's stages and services. */
  public static ConfigGroups bundled() {
    return Holder.BUNDLED;
  }

  private static final class Holder {
    static final ConfigGroups BUNDLED = load();

    private static ConfigGroups load() {
      try (InputStream in = ConfigGroups.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          return new ConfigGroups(Map.of());
        }
        return parse(new ObjectMapper().readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The file's shape: `{stage or service class name: {GROUP: "Label"}}`. */
  public static ConfigGroups parse(JsonNode json) {
    Map<String, Map<String, String>> labels = new HashMap<>();
    json.properties().forEach(e -> {
      Map<String, String> groups = new java.util.LinkedHashMap<>();
      e.getValue().properties().forEach(g -> groups.put(g.getKey(), g.getValue().asText()));
      labels.put(e.getKey(), groups);
    });
    return new ConfigGroups(labels);
  }

  /** The labels an engine's definitions (a /rest/v1/definitions answer, an export's libraryDefinitions) give. */
  public static ConfigGroups fromDefinitions(JsonNode definitions) {
    Map<String, Map<String, String>> labels = new HashMap<>();
    for (String section : new String[] {"stages", "services"}) {
      for (JsonNode def : definitions.path(section)) {
        String name = def.path(section.equals("stages") ? "name" : "provides").asText("");
        if (name.isEmpty()) {
          continue;
        }
        Map<String, String> groups = labels.computeIfAbsent(name, k -> new java.util.LinkedHashMap<>());
        for (JsonNode g : def.path("configGroupDefinition").path("groupNameToLabelMapList")) {
          String group = g.path("name").asText("");
          if (!group.isEmpty()) {
            groups.putIfAbsent(group, g.path("label").asText(group));
          }
        }
      }
    }
    labels.values().removeIf(Map::isEmpty);
    return new ConfigGroups(labels);
  }

  /** These labels, with {@code others}' for what these lack. */
  public ConfigGroups orElse(ConfigGroups others) {
    Map<String, Map<String, String>> merged = new HashMap<>();
    others.labels.forEach((k, v) -> merged.put(k, new java.util.LinkedHashMap<>(v)));
    labels.forEach((k, v) -> merged.put(k, new java.util.LinkedHashMap<>(v)));
    return new ConfigGroups(merged);
  }

  /** The tab a config of this stage (by stage name) or service (by interface name) is on. */
  public String label(String owner, String group) {
    if (group == null || group.isEmpty()) {
      return GENERAL;
    }
    String label = labels.getOrDefault(owner, Map.of()).get(group);
    return label != null ? label : words(group);
  }

  /** The position of a group among its owner's tabs (General first, unknown groups last). */
  public int order(String owner, String group) {
    if (group == null || group.isEmpty()) {
      return -1;
    }
    int i = 0;
    for (String g : labels.getOrDefault(owner, Map.of()).keySet()) {
      if (g.equals(group)) {
        return i;
      }
      i++;
    }
    return Integer.MAX_VALUE;
  }

  /** Every labelled owner, for writing the bundled file. */
  public Map<String, Map<String, String>> all() {
    return labels;
  }

  /** `POST_PROCESSING` in words: "Post Processing". */
  static String words(String group) {
    return Arrays.stream(group.split("_")).filter(w -> !w.isEmpty())
        .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(" "));
  }
}
