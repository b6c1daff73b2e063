package io.flowascode.compiler.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.SourceFile;
import io.flowascode.yaml.SourceTree;
import io.flowascode.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets from a YAML file of `NAME: value` lines, kept out of git ({@value #NAME}, which `flow
 * import` writes beside the flows it moves credentials out of, and lists in a `.gitignore` there).
 * A file that does not exist holds no secret; one that cannot be read is an error, whose message
 * names the file and never a value.
 */
public final class SecretsFile implements SecretSource {
  /** The file's conventional name, in a directory of flows. */
  public static final String NAME = "flow-secrets.yaml";

  private final Path file;
  private final Map<String, String> values;

  private SecretsFile(Path file, Map<String, String> values) {
    this.file = file;
    this.values = values;
  }

  /** Thrown for a file that exists but is not a mapping of names to text. */
  public static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableException(String message) {
      super(message, null, false, false);
    }
  }

  public static SecretsFile read(Path file) throws UnreadableException {
    if (!Files.isRegularFile(file)) {
      return new SecretsFile(file, Map.of());
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UnreadableException("cannot read the secrets file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    Diagnostics problems = new Diagnostics();
    Optional<SourceTree> tree = new YamlTreeReader().read(new SourceFile(file.toString(), text), problems);
    Map<String, String> values = new LinkedHashMap<>();
    if (tree.isEmpty() || problems.hasErrors() || !tree.get().root().isObject()) {
      throw new UnreadableException("the secrets file " + file + " is not a YAML mapping of names to values");
    }
    for (Map.Entry<String, JsonNode> e : tree.get().root().properties()) {
      if (!SecretReference.NAME.matcher(e.getKey()).matches() || !e.getValue().isValueNode() || e.getValue().isNull()) {
        // The key is shown, the value never is.
        throw new UnreadableException("the secrets file " + file + " has an entry `" + e.getKey()
            + "` that is not a name ([A-Za-z_][A-Za-z0-9_]*) with a text value");
      }
      values.put(e.getKey(), e.getValue().asText());
    }
    return new SecretsFile(file, values);
  }

  @Override
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  @Override
  public String describe(String name) {
    return "`" + name + ": ...` in " + file;
  }
}
