package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/** Lenient reads of one field of a definitions document, shared by both definition formats. */
final class JsonFields {
  private JsonFields() {}

  static String required(JsonNode n, String field, String where) throws DefinitionsException {
    String value = text(n, field);
    if (value.isEmpty()) {
      throw new DefinitionsException(where + " has no " + field);
    }
    return value;
  }

  /** The field as text; empty when absent, null or not a scalar. */
  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
  }

  static boolean flag(JsonNode n, String field) {
    return n.path(field).asBoolean(false);
  }
}
