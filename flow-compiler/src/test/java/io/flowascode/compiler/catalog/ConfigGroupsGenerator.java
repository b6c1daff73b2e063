package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates {@code groups/config-groups.json}, the UI tab labels of the bundled catalog's config
 * groups, from the same platform material as the catalog: the real engine's definitions first, then
 * the subset, then the corpus exports' libraryDefinitions in name order (the first label wins).
 */
final class ConfigGroupsGenerator {
  static final String FILE = "src/main/resources/io/flowascode/compiler/catalog/groups/config-groups.json";

  private ConfigGroupsGenerator() {}

  static String generate(Path shared) throws IOException, DefinitionsException {
    ConfigGroups groups = read(shared.resolve("platform/definitions/sdc-basic-dev-definitions.json"))
        .orElse(read(shared.resolve("platform/examples/sdc-definitions-subset.json")));
    ConfigGroups corpus = new ConfigGroups(java.util.Map.of());
    for (CorpusPipelines.CorpusFile f : CorpusPipelines.read(shared.resolve("corpus/pipelines"))) {
      if (f.libraryDefinitions() != null) {
        // Earlier files win: each later one only fills in.
        corpus = corpus.orElse(ConfigGroups.fromDefinitions(f.libraryDefinitions()));
      }
    }
    groups = groups.orElse(corpus);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    groups.all().forEach((owner, labels) -> {
      ObjectNode o = root.putObject(owner);
      labels.forEach(o::put);
    });
    return CompactJsonWriter.write(root);
  }

  private static ConfigGroups read(Path file) throws IOException, DefinitionsException {
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode json = JsonDocuments.parse(in);
      return ConfigGroups.fromDefinitions(json);
    }
  }
}
