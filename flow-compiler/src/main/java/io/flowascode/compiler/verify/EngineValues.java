package io.flowascode.compiler.verify;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.ConfigDefinition;

/** How the engine reads config values: what counts as empty, and a value as text. */
public final class EngineValues {
  private EngineValues() {}

  /**
   * The engine's "no value" for a required config: null, or empty for the types that can be; text
   * of type TEXT, CHARACTER or CREDENTIAL, a model value or a number is never empty.
   */
  public static boolean isNullOrEmpty(ConfigDefinition def, @Nullable JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return true;
    }
    return switch (def.type()) {
      case STRING -> value.isTextual() && value.textValue().isEmpty();
      case LIST -> value.isArray() && value.isEmpty();
      case MAP -> (value.isArray() || value.isObject()) && value.isEmpty();
      default -> false;
    };
  }

  /** The value as Java's {@code String.valueOf} prints the object the engine holds. */
  public static String text(@Nullable JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "null";
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isFloatingPointNumber()) {
      return Double.toString(value.doubleValue());
    }
    return value.toString();
  }

  /** True for a value the engine treats as one expression: it starts with `${` and ends with `}`. */
  public static boolean isWholeExpression(JsonNode value) {
    return value != null && value.isTextual() && value.textValue().startsWith("${") && value.textValue().endsWith("}");
  }
}
