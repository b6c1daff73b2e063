package io.flowascode.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.SourceFile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Valid files read without diagnostics; the bad ones are in {@link BadYamlFilesTest}. */
class YamlTreeReaderTest {
  private static Optional<SourceTree> read(String text, Diagnostics out) {
    return new YamlTreeReader().read(new SourceFile("f.flow.yaml", text), out);
  }

  @Test
  void aFlowWithSmallAliasesTagsThatRestateTypesAndQuotedOddKeysReadsCleanly() {
    Diagnostics out = new Diagnostics();
    Optional<SourceTree> tree = read("""
        %YAML 1.2
        ---
        flow:
          id: &id expense-router
          title: *id
          labels: &labels [finance, audit]
          parameters: !!map {LIMIT: !!str 10000}
        stages:
          a: {label: Trash, description: <<, tags: *labels}
          b: {label: Trash, config: {"<<": quoted, "1": one}}
        """, out);

    assertThat(out.sorted()).isEmpty();
    assertThat(tree).get().satisfies(t -> {
      assertThat(t.root().at("/flow/title").asText()).isEqualTo("expense-router");
      assertThat(t.root().at("/flow/parameters/LIMIT").isTextual()).isTrue();
      assertThat(t.root().at("/stages/a/description").asText()).isEqualTo("<<");
      assertThat(t.root().at("/stages/a/tags/1").asText()).isEqualTo("audit");
      assertThat(t.root().at("/stages/b/config/<<").asText()).isEqualTo("quoted");
      assertThat(t.map().get("/stages/b/config/1")).get()
          .satisfies(s -> assertThat(s.key().orElseThrow().start().line()).isEqualTo(10));
    });
  }

  @Test
  void anAnchorRedefinedLaterIsNotMistakenForARecursion() {
    Diagnostics out = new Diagnostics();

    assertThat(read("a: &x [1]\nb: [&x [2], *x]\nc: *x\n", out)).isPresent();
    assertThat(out.sorted()).isEmpty();
  }

  @Test
  void aValueJustUnderTheLimitIsRead() {
    Diagnostics out = new Diagnostics();
    String value = "x".repeat(YamlLimits.DEFAULT.maxScalarChars());

    assertThat(read("flow:\n  description: " + value + "\n", out)).isPresent();
    assertThat(out.sorted()).isEmpty();
  }
}
