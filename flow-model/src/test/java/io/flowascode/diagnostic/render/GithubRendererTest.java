package io.flowascode.diagnostic.render;

import static io.flowascode.diagnostic.render.TerminalRendererTest.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Fix;
import io.flowascode.diagnostic.TextEdit;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubRendererTest {
  private static final SourceFile FLOW = new SourceFile("flows/expenses.flow.yaml", """
      stages:
        audit:
          label: Trsh
      """);

  @Test
  void eachDiagnosticIsOneWorkflowCommandWithItsPlaceAndCode() {
    List<Diagnostic> diagnostics = List.of(
        Diagnostic.of(Code.UNKNOWN_LABEL, find(FLOW, 3, "Trsh"), "unknown stage label `Trsh`")
            .help("did you mean `Trash`?")
            .fixes(List.of(new Fix("replace `Trsh` with `Trash`", List.of(new TextEdit(find(FLOW, 3, "Trsh"), "Trash")), true)))
            .build(),
        Diagnostic.of(Code.BYTE_ORDER_MARK, Span.ofFile("flows/bom.flow.yaml"), "the file starts with a byte-order mark")
            .build());

    assertThat(new GithubRenderer().render(diagnostics, SourceLookup.none())).isEqualTo("""
        ::warning file=flows/bom.flow.yaml,title=W0111::the file starts with a byte-order mark
        ::error file=flows/expenses.flow.yaml,line=3,col=12,endLine=3,endColumn=15,title=E0301::unknown stage label `Trsh`%0Ahelp: did you mean `Trash`?%0Afix: replace `Trsh` with `Trash` (`flow fix` applies it)
        """);
  }

  @Test
  void aSpanOverSeveralLinesHasNoColumnsAsGithubRequires() {
    Diagnostic d = Diagnostic.of(Code.SELECTOR_ONLY_DEFAULT, FLOW.span(FLOW.offsetOf(2, 3), FLOW.offsetOf(3, 16)), "m")
        .related(find(FLOW, 3, "label"), "see, here: this")
        .build();

    assertThat(new GithubRenderer().render(List.of(d), SourceLookup.none())).isEqualTo(
        "::warning file=flows/expenses.flow.yaml,line=2,endLine=3,title=W0702::m%0Asee flows/expenses.flow.yaml:3:5: see, here: this\n");
  }

  @Test
  void aSpanEndingAtTheStartOfALineEndsOnTheLineBefore() {
    Diagnostic d = Diagnostic.of(Code.SELECTOR_ONLY_DEFAULT, FLOW.span(FLOW.offsetOf(1, 1), FLOW.offsetOf(3, 1)), "m").build();

    assertThat(new GithubRenderer().render(List.of(d), SourceLookup.none()))
        .startsWith("::warning file=flows/expenses.flow.yaml,line=1,endLine=2,title=W0702::");
  }

  @Test
  void percentAndLineBreaksAreEscapedInTheMessageAndColonsAndCommasInProperties() {
    assertThat(GithubRenderer.data("100% done\r\nnext: a, b")).isEqualTo("100%25 done%0D%0Anext: a, b");
    assertThat(GithubRenderer.property("C:/flows/a,b.flow.yaml%")).isEqualTo("C%3A/flows/a%2Cb.flow.yaml%25");

    Diagnostic d = Diagnostic.of(Code.YAML_SYNTAX, Span.ofFile("a:b,c.yaml"), "50% of\nit").build();
    assertThat(new GithubRenderer().render(List.of(d), SourceLookup.none()))
        .isEqualTo("::error file=a%3Ab%2Cc.yaml,title=E0101::50%25 of%0Ait\n");
  }
}
