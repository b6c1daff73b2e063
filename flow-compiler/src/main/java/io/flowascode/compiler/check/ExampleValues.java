package io.flowascode.compiler.check;

import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import java.util.Locale;
import java.util.Optional;

/**
 * A plausible value for a config, as YAML, for help lines that say how to set it
 * ({@code files_directory: /data/in}): the first allowed value of a chooser, else a value of the
 * config's type shaped by its name.
 */
final class ExampleValues {
  private ExampleValues() {}

  static String of(ConfigDefinition c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    Optional<ConfigModel> m = c.model();
    if (m.isPresent() && m.get().isValueChooser() && !m.get().values().isEmpty()) {
      return m.get().values().contains("JSON") ? "JSON" : m.get().values().get(0);
    }
    if (m.isPresent() && m.get().isFieldSelector()) {
      return "/field";
    }
    if (m.isPresent() && m.get().isMultiFieldSelector()) {
      return "[/field]";
    }
    if (m.isPresent() && m.get().isListBean()) {
      return "[{...}]";
    }
    return switch (c.type()) {
      case NUMBER -> String.valueOf(c.min().filter(v -> v > 0).orElse(1L));
      case BOOLEAN -> "true";
      case LIST -> "[value]";
      case MAP -> "{key: value}";
      case CHARACTER -> "','";
      case CREDENTIAL -> "${credential:get(...)}";
      default -> n.contains("url") || n.contains("uri") || n.contains("endpoint") ? "https://example.com/api"
          : n.contains("dir") ? "/data/in"
          : n.endsWith("path") ? "/data/file"
          : n.contains("pattern") ? "'*.json'"
          : n.contains("topic") ? "orders"
          : n.contains("bucket") ? "my-bucket"
          : n.contains("table") ? "my_table"
          : n.contains("host") ? "localhost"
          : n.contains("query") || n.contains("sql") ? "'SELECT * FROM t'"
          : "...";
    };
  }
}
