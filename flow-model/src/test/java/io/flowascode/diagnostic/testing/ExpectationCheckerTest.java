package io.flowascode.diagnostic.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Severity;
import io.flowascode.diagnostic.testing.Mismatch.Kind;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationCheckerTest {
  private static final SourceFile FILE = new SourceFile("f.flow.yaml", """
      stages:
        trash:
          # error[E0301]: unknown stage label
          label: Trsh
      """);

  private static Diagnostic at(int line, Code code, String message) {
    int offset = FILE.offsetOf(line, 5);
    return Diagnostic.of(code, FILE.span(offset, offset + 4), message).build();
  }

  @Test
  void exactlyTheExpectedDiagnosticsPass() {
    List<Expectation> expected = ExpectationFile.parse(FILE);

    assertThat(ExpectationChecker.check(expected, List.of(at(4, Code.UNKNOWN_LABEL, "unknown stage label `Trsh`"))))
        .isEmpty();
  }

  @Test
  void aDiagnosticOnAnotherLineIsAWrongLineNotAMissingAndAnUnexpected() {
    List<Mismatch> mismatches = ExpectationChecker.check(
        ExpectationFile.parse(FILE), List.of(at(2, Code.UNKNOWN_LABEL, "unknown stage label `Trsh`")));

    assertThat(mismatches).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(Kind.WRONG_LINE);
      assertThat(m.toString()).isEqualTo("""
          f.flow.yaml:3: expected `error[E0301]: unknown stage label` on line 4, but it was reported on line 2
              reported: error[E0301] at f.flow.yaml:2:5: unknown stage label `Trsh`""");
    });
  }

  @Test
  void anotherMessageOnTheRightLineIsAWrongMessage() {
    List<Mismatch> mismatches = ExpectationChecker.check(
        ExpectationFile.parse(FILE), List.of(at(4, Code.UNKNOWN_LABEL, "Unknown Stage Label `Trsh`")));

    assertThat(mismatches).extracting(Mismatch::kind).containsExactly(Kind.WRONG_MESSAGE);
    assertThat(mismatches.get(0).text()).contains("but the message differs");
  }

  @Test
  void anotherSeverityIsReportedAsSuch() {
    Diagnostic warning = at(4, Code.UNKNOWN_LABEL, "unknown stage label `Trsh`").withSeverity(Severity.WARNING);

    assertThat(ExpectationChecker.check(ExpectationFile.parse(FILE), List.of(warning)))
        .singleElement().extracting(Mismatch::text).asString().contains("but it was reported as warning");
  }

  @Test
  void theRightMessageUnderAnotherCodeIsAWrongCode() {
    assertThat(ExpectationChecker.check(
            ExpectationFile.parse(FILE), List.of(at(4, Code.AMBIGUOUS_LABEL, "unknown stage label `Trsh`"))))
        .singleElement().satisfies(m -> {
          assertThat(m.kind()).isEqualTo(Kind.WRONG_CODE);
          assertThat(m.text()).contains("but it was reported as E0302");
        });
  }

  @Test
  void nothingReportedIsMissingAndAnythingUnexpectedSaysHowToExpectIt() {
    List<Mismatch> missing = ExpectationChecker.check(ExpectationFile.parse(FILE), List.of());
    assertThat(missing).singleElement().hasToString(
        "f.flow.yaml:3: missing: expected `error[E0301]: unknown stage label` on line 4, nothing like it was reported");

    List<Mismatch> unexpected = ExpectationChecker.check(List.of(), List.of(at(2, Code.DUPLICATE_KEY, "the key `trash` appears twice")));
    assertThat(unexpected).singleElement().hasToString("""
        f.flow.yaml:2: unexpected error[E0102] at f.flow.yaml:2:5: the key `trash` appears twice
            if it is right, expect it with `# error[E0102]: the key `trash` appears twice` on the line above line 2""");
  }

  @Test
  void aFileLevelExpectationMatchesByCodeAndMessageWhereverTheDiagnosticIs() {
    Expectation e = Expectation.forFile("f.flow.yaml", Severity.ERROR, Code.EMPTY_DOCUMENT, "holds no flow");

    assertThat(ExpectationChecker.check(List.of(e),
        List.of(Diagnostic.of(Code.EMPTY_DOCUMENT, Span.ofFile("f.flow.yaml"), "the file holds no flow").build())))
        .isEmpty();
    assertThat(ExpectationChecker.check(List.of(e), List.of(at(4, Code.EMPTY_DOCUMENT, "the file holds no flow"))))
        .isEmpty();
  }

  @Test
  void eachDiagnosticMeetsOneExpectationOnly() {
    List<Expectation> twice = List.of(
        Expectation.atLine("f.flow.yaml", 4, Severity.ERROR, Code.UNKNOWN_LABEL, "unknown"),
        Expectation.atLine("f.flow.yaml", 4, Severity.ERROR, Code.UNKNOWN_LABEL, "unknown"));

    assertThat(ExpectationChecker.check(twice, List.of(at(4, Code.UNKNOWN_LABEL, "unknown stage label `Trsh`"))))
        .extracting(Mismatch::kind).containsExactly(Kind.MISSING);
  }

  @Test
  void verifyFailsWithEveryMismatchAndEveryReportedDiagnostic() {
    Diagnostic dup = at(2, Code.DUPLICATE_KEY, "the key `trash` appears twice");

    assertThatThrownBy(() -> ExpectationChecker.verify(ExpectationFile.parse(FILE), List.of(dup)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("""
            2 mismatches between expected and reported diagnostics:
              f.flow.yaml:2: unexpected error[E0102] at f.flow.yaml:2:5: the key `trash` appears twice
                if it is right, expect it with `# error[E0102]: the key `trash` appears twice` on the line above line 2
              f.flow.yaml:3: missing: expected `error[E0301]: unknown stage label` on line 4, nothing like it was reported
            reported (1):
              f.flow.yaml:2:5: error[E0102]: the key `trash` appears twice
            """);
  }
}
