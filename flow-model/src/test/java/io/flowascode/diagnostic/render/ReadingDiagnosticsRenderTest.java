package io.flowascode.diagnostic.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.SourceFile;
import io.flowascode.yaml.YamlTreeReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user sees for real mistakes, from the reader through the terminal renderer. */
class ReadingDiagnosticsRenderTest {
  private static String readAndRender(SourceFile file) {
    Diagnostics out = new Diagnostics();
    new YamlTreeReader().read(file, out);
    return TerminalRenderer.PLAIN.render(out.sorted(), SourceLookup.of(List.of(file)));
  }

  @Test
  void anUnclosedQuoteIsShownWhereItOpensAndWhereTheFileEnds() {
    SourceFile file = new SourceFile("flows/expenses.flow.yaml", """
        flow:
          id: "expenses
          title: Expenses
        """);

    assertThat(readAndRender(file)).isEqualTo("""
        error[E0101]: invalid YAML: a quoted value is not closed
         --> flows/expenses.flow.yaml:2:7
          |
        2 |   id: "expenses
          |       ^ this quote is never closed
        3 |   title: Expenses
        4 |
          | - the file ends inside the quoted value
          |
          = help: add the closing quote

        error: 1 error in 1 file
        """);
  }

  @Test
  void aDuplicateKeyOnOneLineShowsBothKeysUnderIt() {
    SourceFile file = new SourceFile("flows/expenses.flow.yaml", "stages:\n  sink: {label: Trash, label: Discard}\n");

    assertThat(readAndRender(file)).isEqualTo("""
        error[E0102]: the key `label` appears twice
         --> flows/expenses.flow.yaml:2:24
          |
        2 |   sink: {label: Trash, label: Discard}
          |          ----- first `label` here
          |                        ^^^^^ second `label`
          |
          = help: remove one of them; YAML keeps only one and the other would be lost silently

        error: 1 error in 1 file
        """);
  }
}
