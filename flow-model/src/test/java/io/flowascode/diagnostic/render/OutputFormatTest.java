package io.flowascode.diagnostic.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputFormatTest {
  @Test
  void theUsersWordNamesAFormatWhateverItsCase() {
    assertThat(OutputFormat.parse("text")).isEqualTo(OutputFormat.TEXT);
    assertThat(OutputFormat.parse(" JSON ")).isEqualTo(OutputFormat.JSON);
    assertThat(OutputFormat.parse("GitHub")).isEqualTo(OutputFormat.GITHUB);
  }

  @Test
  void anUnknownWordIsRefusedWithTheValidOnes() {
    assertThatThrownBy(() -> OutputFormat.parse("sarif"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown output format `sarif`; valid formats are text, json, github");
    assertThatThrownBy(() -> OutputFormat.parse(null)).hasMessageStartingWith("unknown output format ``");
  }

  @Test
  void eachFormatHasItsRenderer() {
    assertThat(OutputFormat.TEXT.renderer(true, 7)).isEqualTo(new TerminalRenderer(true, 7));
    assertThat(OutputFormat.JSON.renderer(true, 7)).isInstanceOf(JsonRenderer.class);
    assertThat(OutputFormat.GITHUB.renderer(false, 7)).isInstanceOf(GithubRenderer.class);
  }
}
