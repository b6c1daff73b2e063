package io.flowascode.compiler.schema.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.compiler.catalog.BundledCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed `schemas/flow.schema.json` is exactly what {@link FlowSchemaGenerator} makes from
 * the structural schema and the bundled catalog, so editors get the catalog the compiler uses.
 * Run with {@code -Dflow.schema.regenerate=true} to rewrite it instead.
 */
class GeneratedSchemaIsUpToDateTest {
  static final Path COMMITTED = Path.of("..", "schemas", "flow.schema.json");
  private static final String REGENERATE = "./mvnw -q -pl flow-compiler -am test -Dtest=GeneratedSchemaIsUpToDateTest "
      + "-Dsurefire.failIfNoSpecifiedTests=false -Dflow.schema.regenerate=true"
      + "  (or: java -jar flow-cli/target/flow.jar schema -o schemas/flow.schema.json)";

  @Test
  void committedSchemaEqualsARegeneratedOne() throws Exception {
    String generated = FlowSchemaGenerator.withBundledStructure().render(BundledCatalog.load());
    if (Boolean.getBoolean("flow.schema.regenerate")) {
      Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    // Compared by hand: the file is large, and a failure should name a line, not print both texts.
    assertThat(committed.equals(generated))
        .as("schemas/flow.schema.json is out of date with the structural schema or the bundled catalog "
            + "(first difference at line %d); regenerate it with%n  %s", firstDifferentLine(committed, generated), REGENERATE)
        .isTrue();
  }

  private static int firstDifferentLine(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    int i = 0;
    while (i < x.length && i < y.length && x[i].equals(y[i])) {
      i++;
    }
    return i + 1;
  }

  @Test
  void generatingTwiceGivesTheSameBytes() {
    FlowSchemaGenerator generator = FlowSchemaGenerator.withBundledStructure();
    assertThat(generator.render(BundledCatalog.load())).isEqualTo(generator.render(BundledCatalog.load()));
  }
}
