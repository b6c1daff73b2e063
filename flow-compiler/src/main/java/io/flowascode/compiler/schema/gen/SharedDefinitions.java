package io.flowascode.compiler.schema.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The `$defs` a generated schema shares. Each distinct subschema is stored once, under a readable
 * name, and referenced wherever it recurs: many stages and versions carry the same configs and
 * the same data-format services, so sharing keeps the schema small enough for editors.
 */
final class SharedDefinitions {
  private final Set<String> taken;
  private final Map<String, String> nameByContent = new HashMap<>();
  private final Map<String, JsonNode> byName = new TreeMap<>();

  /** @param reserved names already used by the base schema's `$defs` */
  SharedDefinitions(Collection<String> reserved) {
    this.taken = new HashSet<>(reserved);
  }

  /** Stores a schema under exactly this name, for the fixed definitions other schemas refer to. */
  ObjectNode define(String name, JsonNode schema) {
    if (!taken.add(name)) {
      throw new IllegalStateException("schema definition " + name + " is defined twice");
    }
    byName.put(name, schema);
    nameByContent.putIfAbsent(schema.toString(), name);
    return ref(name);
  }

  /**
   * A `$ref` to the stored schema equal to this one. A schema not seen before is stored under a
   * free name made from {@code hint}; the first hint wins, so names depend only on the order of
   * calls, which the generator keeps deterministic.
   */
  ObjectNode share(String hint, JsonNode schema) {
    String content = schema.toString();
    String name = nameByContent.get(content);
    if (name == null) {
      name = freeName(slug(hint));
      taken.add(name);
      nameByContent.put(content, name);
      byName.put(name, schema);
    }
    return ref(name);
  }

  /** The stored definitions by name, in name order. */
  Map<String, JsonNode> all() {
    return byName;
  }

  static ObjectNode ref(String name) {
    return JsonNodeFactory.instance.objectNode().put("$ref", "#/$defs/" + name);
  }

  /** A name safe in a JSON pointer and readable in a `$ref`: lower-case letters, digits and `_`. */
  static String slug(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return s.isEmpty() ? "x" : s;
  }

  private String freeName(String base) {
    if (!taken.contains(base)) {
      return base;
    }
    for (int i = 2; ; i++) {
      String candidate = base + "_" + i;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }
}
