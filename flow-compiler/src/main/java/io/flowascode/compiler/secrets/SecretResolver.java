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
    /** Shorter values would mask unrelated words of a message. */
    static final int MIN_MASKED_LENGTH = 4;

    public Resolved {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The text with every secret's value replaced by `(secret NAME)`: for messages a target sends back. */
    public String mask(String text) {
      String out = text;
      for (Map.Entry<String, String> e : values.entrySet()) {
        if (e.getValue().length() >= MIN_MASKED_LENGTH) {
          out = out.replace(e.getValue(), "(secret " + e.getKey() + ")");
        }
      }
      return out;
    }
  }

  /** Thrown when a pipeline names secrets its source does not have; the message names them, and where to set them. */
  public static final class MissingSecretsException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> names;

    MissingSecretsException(List<String> names, SecretSource source) {
      // Every name at once, each with where it can be set, so one run tells the whole fix.
      super((names.size() == 1 ? "the secret " : "the secrets ") + String.join(", ", names.stream().map(n -> "`" + n + "`").toList())
          + (names.size() == 1 ? " is" : " are") + " not set, so nothing was read or written: set "
          + String.join("; ", names.stream().map(source::describe).toList()), null, false, false);
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

  /** Checks that the source has every secret the pipelines refer to, naming all that it lacks. */
  public static void checkAll(java.util.Collection<? extends JsonNode> pipelines, SecretSource source)
      throws MissingSecretsException {
    Set<String> missing = new LinkedHashSet<>();
    for (JsonNode p : pipelines) {
      names(p).stream().filter(n -> source.value(n).isEmpty()).forEach(missing::add);
    }
    if (!missing.isEmpty()) {
      throw new MissingSecretsException(List.copyOf(missing), source);
    }
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
    return new Resolved(map(pipeline.deepCopy(), text -> SecretReference.ofPlaceholder(text).map(values::get)), values);
  }

  /** The node with each text the function gives another for replaced by that, in place. */
  private static JsonNode map(JsonNode node, java.util.function.Function<String, Optional<String>> replacement) {
    if (node.isTextual()) {
      return replacement.apply(node.asText()).<JsonNode>map(TextNode::valueOf).orElse(node);
    }
    if (node instanceof ObjectNode object) {
      object.properties().forEach(e -> e.setValue(map(e.getValue(), replacement)));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, map(array.get(i), replacement));
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
