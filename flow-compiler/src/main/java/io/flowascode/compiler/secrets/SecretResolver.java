package io.flowascode.compiler.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the values of secrets into a compiled pipeline, for a target and nowhere else: every
 * placeholder {@code ((secret:NAME))} becomes the value its source gives. The values used are
 * handed back so that everything shown afterwards (plans, reports) can be checked for them.
 */
public final class SecretResolver {
  private SecretResolver() {}

  /**
   * A pipeline with its secrets put in.
   *
   * @param values the value of each secret used, by name
   */
  public record Resolved(JsonNode pipeline, Map<String, String> values) {
    public Resolved {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /** Thrown when a pipeline names secrets its source does not have; the message names them, and where to set them. */
  public static final class MissingSecretsException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> names;

    MissingSecretsException(List<String> names, SecretSource source) {
      super((names.size() == 1 ? "the secret " : "the secrets ") + String.join(", ", names.stream().map(n -> "`" + n + "`").toList())
          + (names.size() == 1 ? " is" : " are") + " not set: set " + source.describe(names.get(0))
          + (names.size() == 1 ? "" : " (and likewise for the others)"), null, false, false);
      this.names = List.copyOf(names);
    }

    public List<String> names() {
      return names;
    }
  }

  /** The names of the secrets a compiled pipeline refers to, in the order they appear. */
  public static Set<String> names(JsonNode pipeline) {
    Set<String> out = new LinkedHashSet<>();
    visit(pipeline, text -> SecretReference.ofPlaceholder(text).ifPresent(out::add));
    return out;
  }

  /** The pipeline itself when it refers to no secret, else a copy with their values in. */
  public static Resolved resolve(JsonNode pipeline, SecretSource source) throws MissingSecretsException {
    Set<String> names = names(pipeline);
    if (names.isEmpty()) {
      return new Resolved(pipeline, Map.of());
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> missing = names.stream().filter(n -> {
      Optional<String> v = source.value(n);
      v.ifPresent(value -> values.put(n, value));
      return v.isEmpty();
    }).toList();
    if (!missing.isEmpty()) {
      throw new MissingSecretsException(missing, source);
    }
    return new Resolved(replace(pipeline.deepCopy(), values), values);
  }

  private static JsonNode replace(JsonNode node, Map<String, String> values) {
    if (node.isTextual()) {
      Optional<String> name = SecretReference.ofPlaceholder(node.asText());
      return name.<JsonNode>map(n -> TextNode.valueOf(values.get(n))).orElse(node);
    }
    if (node instanceof ObjectNode object) {
      object.properties().forEach(e -> e.setValue(replace(e.getValue(), values)));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, replace(array.get(i), values));
      }
    }
    return node;
  }

  private static void visit(JsonNode node, java.util.function.Consumer<String> text) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      text.accept(node.asText());
    } else if (node.isContainerNode()) {
      node.forEach(child -> visit(child, text));
    }
  }
}
