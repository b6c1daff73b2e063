package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.CatalogFormat;
import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `flow schema`: the committed editor schema from the bundled catalog, or one with the user's stages. */
class SchemaCommandTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return FlowCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void withoutDefinitionsItWritesTheCommittedSchema() throws Exception {
    Path file = dir.resolve("flow.schema.json");

    assertThat(run("schema", "-o", file.toString())).isEqualTo(FlowCli.OK);

    assertThat(out.toString()).isEqualTo("wrote " + file + System.lineSeparator());
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(Path.of("..", "schemas", "flow.schema.json"), StandardCharsets.UTF_8));
  }

  @Test
  void theUsersDefinitionsAddTheirStages() throws Exception {
    StageDefinition frobnicator = StageDefinition.builder("acme-lib", "com_acme_Frobnicator", "1", StageType.PROCESSOR)
        .libraryLabel("ACME").label("Frobnicator").description("Frobnicates records").outputStreams(1).build();
    Path definitions = dir.resolve("acme.json");
    Files.writeString(definitions, CatalogFormat.write(new Catalog(List.of(frobnicator), List.of(), List.of())));

    assertThat(run("schema", "--definitions", definitions.toString())).isEqualTo(FlowCli.OK);

    assertThat(out.toString())
        .contains("{\"const\": \"Frobnicator\", \"description\": \"processor — Frobnicates records (ACME)\"}")
        .contains("\"Trash\"");
  }

  @Test
  void unreadableDefinitionsAreAUserErrorAndNothingIsWritten() {
    Path file = dir.resolve("flow.schema.json");

    assertThat(run("schema", "--definitions", dir.resolve("missing.json").toString(), "-o", file.toString()))
        .isEqualTo(FlowCli.INVALID_INPUT);

    assertThat(err.toString()).startsWith("flow: error[E0311]: cannot read definitions ").contains("does not exist");
    assertThat(file).doesNotExist();
  }
}
