package io.flowascode.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.diagnostic.Fix;
import io.flowascode.diagnostic.TextEdit;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixes for misspelled names edit exactly the characters typed and keep what YAML reads back. */
class NameFixesTest {
  private static Span spanOf(SourceFile file, String written) {
    int at = file.text().indexOf(written);
    return file.span(at, at + written.length());
  }

  private static String replacement(List<Fix> fixes) {
    assertThat(fixes).hasSize(1);
    return fixes.get(0).edits().get(0).replacement();
  }

  @Test
  void aPlainScalarStaysPlain() {
    SourceFile f = new SourceFile("f", "label: Trsh\n");
    List<Fix> fixes = NameFixes.replaceScalar(f, spanOf(f, "Trsh"), "Trsh", List.of("Trash"));
    assertThat(fixes).containsExactly(new Fix("replace `Trsh` with `Trash`",
        List.of(new TextEdit(spanOf(f, "Trsh"), "Trash")), true));
  }

  @Test
  void aQuotedScalarKeepsItsQuotes() {
    SourceFile single = new SourceFile("f", "label: 'Trsh'\n");
    assertThat(replacement(NameFixes.replaceScalar(single, spanOf(single, "'Trsh'"), "Trsh", List.of("Trash")))).isEqualTo("'Trash'");
    SourceFile dbl = new SourceFile("f", "label: \"Trsh\"\n");
    assertThat(replacement(NameFixes.replaceScalar(dbl, spanOf(dbl, "\"Trsh\""), "Trsh", List.of("Tr\"ash")))).isEqualTo("\"Tr\\\"ash\"");
  }

  @Test
  void aNameYamlWouldReadAsAnotherTypeOrSyntaxIsQuoted() {
    SourceFile f = new SourceFile("f", "v: tru\n");
    assertThat(replacement(NameFixes.replaceScalar(f, spanOf(f, "tru"), "tru", List.of("true")))).isEqualTo("\"true\"");
    assertThat(replacement(NameFixes.replaceScalar(f, spanOf(f, "tru"), "tru", List.of("a: b")))).isEqualTo("\"a: b\"");
    assertThat(replacement(NameFixes.replaceScalar(f, spanOf(f, "tru"), "tru", List.of("#x")))).isEqualTo("\"#x\"");
    assertThat(replacement(NameFixes.replaceScalar(f, spanOf(f, "tru"), "tru", List.of("UTF-8")))).isEqualTo("UTF-8");
  }

  @Test
  void noFixWhenTheSpanDoesNotHoldWhatWasTyped() {
    SourceFile f = new SourceFile("f", "stages:\n  a: {label: Trsh}\n");
    assertThat(NameFixes.replaceScalar(f, spanOf(f, "{label: Trsh}"), "Trsh", List.of("Trash"))).isEmpty();
    SourceFile escaped = new SourceFile("f", "label: \"Tr\\x73h\"\n");
    assertThat(NameFixes.replaceScalar(escaped, spanOf(escaped, "\"Tr\\x73h\""), "Trsh", List.of("Trash"))).isEmpty();
  }

  @Test
  void severalCandidatesAreFixesNoneOfThemSafe() {
    SourceFile f = new SourceFile("f", "charset: UTF-9\n");
    List<Fix> fixes = NameFixes.replaceScalar(f, spanOf(f, "UTF-9"), "UTF-9", List.of("UTF-8", "UTF-16", "UTF-32"));
    assertThat(fixes).extracting(Fix::safe).containsExactly(false, false, false);
    assertThat(fixes).extracting(x -> x.edits().get(0).replacement()).containsExactly("UTF-8", "UTF-16", "UTF-32");
  }

  @Test
  void aNameInsideAStringIsReplacedAsWrittenButNeverWithAQuote() {
    SourceFile f = new SourceFile("f", "- \"a >> trsh\"\n");
    assertThat(replacement(NameFixes.replaceWithin(f, spanOf(f, "trsh"), "trsh", List.of("trash")))).isEqualTo("trash");
    assertThat(NameFixes.replaceWithin(f, spanOf(f, "trsh"), "trsh", List.of("tr\"ash"))).isEmpty();
    assertThat(NameFixes.replaceWithin(f, spanOf(f, "trsh\""), "trsh", List.of("trash"))).isEmpty();
  }
}
