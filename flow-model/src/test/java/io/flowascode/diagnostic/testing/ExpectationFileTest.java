package io.flowascode.diagnostic.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Severity;
import io.flowascode.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationFileTest {
  @Test
  void anExpectationPointsAtTheNextLineThatIsNotAnExpectation() {
    SourceFile file = new SourceFile("f.flow.yaml", """
        stages:
          trash:
            # error[E0301]: unknown stage label
            # warning[W0701]: development stage
            label: Trsh
        """);

    assertThat(ExpectationFile.parse(file)).containsExactly(
        new Expectation("f.flow.yaml", 3, 5, Severity.ERROR, Code.UNKNOWN_LABEL, "unknown stage label"),
        new Expectation("f.flow.yaml", 4, 5, Severity.WARNING, Code.DEV_STAGE, "development stage"));
  }

  @Test
  void aFileLevelExpectationHasNoLineAndMaySitAnywhere() {
    List<Expectation> parsed = ExpectationFile.parse("f.flow.yaml", """
        flow:
          id: x
        # file-error[E0108]: holds no flow
        """);

    assertThat(parsed).singleElement().satisfies(e -> {
      assertThat(e.isFileLevel()).isTrue();
      assertThat(e.commentLine()).isEqualTo(3);
      assertThat(e.spelled()).isEqualTo("file-error[E0108]: holds no flow");
    });
  }

  @Test
  void withoutAFragmentAnyMessageMatches() {
    assertThat(ExpectationFile.parse("f", "# error[E0101]\nx: [\n"))
        .singleElement().extracting(Expectation::fragment).isEqualTo("");
  }

  @Test
  void ordinaryCommentsAreNotExpectations() {
    assertThat(ExpectationFile.parse("f", """
        # error handling: send bad records to Trash
        # warning: this flow is slow
        flow: {id: x}  # error[E0101]: trailing comments are not expectations
        """)).isEmpty();
  }

  @Test
  void aLeadingByteOrderMarkDoesNotHideTheFirstLine() {
    assertThat(ExpectationFile.parse("f", "\uFEFF# file-warning[W0111]: byte-order mark\nflow: {}\n"))
        .extracting(Expectation::code).containsExactly(Code.BYTE_ORDER_MARK);
  }

  @Test
  void aMisspelledExpectationIsAnErrorInTheTestFileNotASilentComment() {
    assertThatThrownBy(() -> ExpectationFile.parse("f.flow.yaml", "flow:\n  # Error[E0101]: x\n  id: x\n"))
        .hasMessageStartingWith("f.flow.yaml:2: malformed expectation `# Error[E0101]: x`");
    assertThatThrownBy(() -> ExpectationFile.parse("f.flow.yaml", "# error [E0101]: x\nid: x\n"))
        .hasMessageStartingWith("f.flow.yaml:1: malformed expectation");
    assertThatThrownBy(() -> ExpectationFile.parse("f.flow.yaml", "# error[E9999]: x\nid: x\n"))
        .hasMessage("f.flow.yaml:1: no diagnostic has the code E9999");
  }

  @Test
  void anExpectationOnTheLastLineHasNothingToPointAt() {
    assertThatThrownBy(() -> ExpectationFile.parse("f.flow.yaml", "flow: {}\n# error[E0101]: x"))
        .hasMessageStartingWith("f.flow.yaml:2: an expectation must be followed by the line it expects");
  }
}
