package io.flowascode.compiler.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionsFilesTest {
  @TempDir
  Path dir;

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void readsThePlatformsDefinitionsAnswer() throws Exception {
    assertThat(DefinitionsFiles.read(SharedFiles.realDefinitions()).stages()).hasSize(93);
    Catalog subset = DefinitionsFiles.read(SharedFiles.require().resolve("platform/examples/sdc-definitions-subset.json"));
    assertThat(subset.byLabel("Kafka Producer")).extracting(StageDefinition::version).containsExactly("7");
  }

  @Test
  void readsOurOwnFormat() throws Exception {
    Catalog real = DefinitionsFiles.read(SharedFiles.realDefinitions());
    Path ours = file("catalog.json", CatalogFormat.write(real));

    assertThat(CatalogFormat.write(DefinitionsFiles.read(ours))).isEqualTo(CatalogFormat.write(real));
  }

  @Test
  void readsTheLibraryDefinitionsOfAnExport() throws Exception {
    Path export;
    try (var files = Files.list(SharedFiles.corpus())) {
      export = files.sorted().filter(p -> p.getFileName().toString().contains("MySQL_to_BigQuery_-_BULK")).findFirst().orElseThrow();
    }

    Catalog catalog = DefinitionsFiles.read(export);

    assertThat(catalog.byLabel("Google BigQuery (Enterprise)")).isNotEmpty();
  }

  @Test
  void explainsWhatIsWrongWithoutQuotingTheFile() throws Exception {
    assertThatThrownBy(() -> DefinitionsFiles.read(file("a.json", "{\"stages\": [\n  {\"name\": \"s3cr3t\" \"x\"}]}")))
        .isInstanceOf(DefinitionsException.class)
        .hasMessageStartingWith("the file is not valid JSON (line 2, column")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> DefinitionsFiles.read(file("b.json", "[1, 2]")))
        .isInstanceOf(DefinitionsException.class).hasMessage("the file is not a JSON object");
    assertThatThrownBy(() -> DefinitionsFiles.read(file("c.json", "")))
        .isInstanceOf(DefinitionsException.class).hasMessage("the file is empty");
    assertThatThrownBy(() -> DefinitionsFiles.read(file("d.json", "{\"title\": \"a pipeline\"}")))
        .isInstanceOf(DefinitionsException.class).hasMessageStartingWith("the file is neither a flow-catalog catalog");
    assertThatThrownBy(() -> DefinitionsFiles.read(dir.resolve("missing.json")))
        .isInstanceOf(DefinitionsException.class).hasMessage("the file does not exist");
  }
}
