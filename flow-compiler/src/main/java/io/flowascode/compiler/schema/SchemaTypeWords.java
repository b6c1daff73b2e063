package io.flowascode.compiler.schema;

/** A JSON Schema type in the words a diagnostic uses, for every file the tool validates with a schema. */
public final class SchemaTypeWords {
  private SchemaTypeWords() {}

  /** `a mapping` for `object`, `a list` for `array`, and so on; an unknown type as it is. */
  public static String of(String type) {
    return switch (type) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "string" -> "text";
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      case "null" -> "empty";
      default -> type;
    };
  }
}
