package io.flowascode.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import io.flowascode.compiler.catalog.ConfigType;
import io.flowascode.compiler.secrets.SecretReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Moves credentials out of an imported flow: a configuration the engine types CREDENTIAL (in a
 * stage, a service, a list entry's field or the pipeline's settings), or one whose definition is
 * unknown (kept verbatim, or inferred from the pipeline) but whose name says it is a secret, that
 * holds a literal value, is written `{secret: NAME}` and its value kept aside for the secrets file.
 * Expressions (`${credential:get(...)}`, `${PARAM}`) and empty values stay as they are: they are
 * not secrets in the file.
 */
final class SecretExtraction {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Names of configurations that hold secrets, where no definition says so. */
  private static final Pattern SECRET_NAME = Pattern.compile(
      "(?i).*(password|passwd|passphrase|secret|secretkey|accesskey|accesskeyid|apikey|token|privatekey|credentialsfilecontent)");
  private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9]+");

  private final String prefix;
  private final List<ImportedSecret> secrets = new ArrayList<>();
  private final Set<String> used = new HashSet<>();

  SecretExtraction(String flowId) {
    this.prefix = flowId;
  }

  List<ImportedSecret> secrets() {
    return List.copyOf(secrets);
  }

  /**
   * The value to write for a configuration: a reference where it holds a credential, the value
   * otherwise (with the credentials among its list entries' fields replaced).
   *
   * @param where the stage id or `settings`, which names the secret and the listing
   * @param key how the flow names the configuration
   * @param guessed whether the definition was inferred from pipelines, its types guesses
   */
  JsonNode written(String where, String key, ConfigDefinition def, boolean guessed, JsonNode value) {
    if (isCredential(def, guessed) && literal(value)) {
      return reference(where, key, value.asText());
    }
    Optional<ConfigModel> beans = def.model().filter(ConfigModel::isListBean);
    if (beans.isEmpty() || !value.isArray()) {
      return value;
    }
    ArrayNode out = JSON.arrayNode();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isObject()) {
        out.add(item);
        continue;
      }
      ObjectNode copy = ((ObjectNode) item).deepCopy();
      for (ConfigDefinition field : beans.get().beanConfigs()) {
        for (String name : List.of(field.name(), field.attributeName())) {
          if (copy.has(name) && isCredential(field, guessed) && literal(copy.get(name))) {
            copy.set(name, reference(where, key + "_" + (i + 1) + "_" + name, copy.get(name).asText()));
          }
        }
      }
      out.add(copy);
    }
    return out;
  }

  /** A setting the flow keeps verbatim, whose definition is unknown: a secret by its name. */
  JsonNode verbatim(String where, String name, JsonNode value) {
    String last = name.substring(name.lastIndexOf('.') + 1);
    return SECRET_NAME.matcher(last).matches() && literal(value) ? reference(where, name, value.asText()) : value;
  }

  private static boolean isCredential(ConfigDefinition def, boolean guessed) {
    if (def.type() == ConfigType.CREDENTIAL) {
      return true;
    }
    // A configuration of a definition inferred from pipelines, or that the importer added to a
    // known one: nothing but its name says what it is.
    String last = def.name().substring(def.name().lastIndexOf('.') + 1);
    return (guessed || InferredDefinitions.isAdded(def)) && SECRET_NAME.matcher(last).matches();
  }

  private static boolean literal(JsonNode value) {
    return value != null && value.isTextual() && !value.asText().isEmpty() && !value.asText().contains("${");
  }

  private JsonNode reference(String where, String key, String value) {
    String base = NOT_NAME.matcher(prefix + "_" + where + "_" + key).replaceAll("_").replaceAll("^_+|_+$", "")
        .toUpperCase(Locale.ROOT);
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = "S_" + base;
    }
    String name = base;
    for (int n = 2; !used.add(name); n++) {
      name = base + "_" + n;
    }
    secrets.add(new ImportedSecret(name, where + "." + key, value));
    return JSON.objectNode().put(SecretReference.KEY, name);
  }
}
