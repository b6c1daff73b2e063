package io.flowascode.compiler.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret in a flow file: a configuration value written `{secret: NAME}` instead of the value, so
 * that the value itself is never in the file (and never in git). The compiler emits a placeholder
 * for it, `((secret:NAME))`, which {@link SecretResolver} replaces by the value when the flow is
 * planned or applied; the placeholder is not an expression, so the engine would never evaluate
 * it, and no target is ever sent one.
 */
public final class SecretReference {
  /** The form of a secret's name: a name an environment variable can carry. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** The key of the one-entry mapping that refers to a secret. */
  public static final String KEY = "secret";

  static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(secret:([A-Za-z_][A-Za-z0-9_]*)\\)\\)");

  private SecretReference() {}

  /** True for a value written as a reference, `{secret: ...}`, whatever it names. */
  public static boolean isReference(JsonNode value) {
    return value != null && value.isObject() && value.size() == 1 && value.has(KEY);
  }

  /** The name a reference gives, when it is a valid name. */
  public static Optional<String> name(JsonNode reference) {
    JsonNode n = reference.get(KEY);
    return n != null && n.isTextual() && NAME.matcher(n.asText()).matches() ? Optional.of(n.asText()) : Optional.empty();
  }

  /** What the compiler emits in place of the secret's value. */
  public static String placeholder(String name) {
    return "((secret:" + name + "))";
  }

  /** The secret's name when the text is exactly a placeholder. */
  public static Optional<String> ofPlaceholder(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
