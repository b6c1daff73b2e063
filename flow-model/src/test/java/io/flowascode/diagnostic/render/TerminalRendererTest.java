package io.flowascode.diagnostic.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Fix;
import io.flowascode.diagnostic.TextEdit;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalRendererTest {
  private static final SourceFile EXPENSES = new SourceFile("flows/expenses.flow.yaml", """
      flow:
        id: expenses
        title: Expenses
      stages:
        source:
          label: Dev Raw Data Source
        route:
          label: Stream Selector
        big:
          label: Trash
        other:
          label: Trash
        audit:
          label: Trsh
      connections:
        - source >> route
      """);

  /** The span of the first {@code text} on a 1-based line. */
  static Span find(SourceFile file, int line, String text) {
    int column = file.line(line).indexOf(text);
    if (column < 0) {
      throw new IllegalArgumentException("`" + text + "` is not on line " + line + " of " + file);
    }
    int start = file.offsetOf(line, 1) + column;
    return file.span(start, start + text.length());
  }

  private static String plain(List<Diagnostic> diagnostics, SourceFile... files) {
    return TerminalRenderer.PLAIN.render(diagnostics, SourceLookup.of(List.of(files)));
  }

  private static Diagnostic unknownLabel() {
    return Diagnostic.of(Code.UNKNOWN_LABEL, find(EXPENSES, 14, "Trsh"), "unknown stage label `Trsh`")
        .label("no stage in the catalog has this label")
        .help("did you mean `Trash`?")
        .note("labels are matched exactly, including case")
        .build();
  }

  @Test
  void aDiagnosticShowsItsCodePlaceSourceLineCaretsHelpAndNotes() {
    assertThat(plain(List.of(unknownLabel()), EXPENSES)).isEqualTo("""
        error[E0301]: unknown stage label `Trsh`
          --> flows/expenses.flow.yaml:14:12
           |
        14 |     label: Trsh
           |            ^^^^ no stage in the catalog has this label
           |
           = help: did you mean `Trash`?
           = note: labels are matched exactly, including case

        error: 1 error in 1 file
        """);
  }

  @Test
  void fixesFollowTheHelpSayingWhetherFlowFixAppliesThem() {
    Span typed = find(EXPENSES, 14, "Trsh");
    Diagnostic safe = Diagnostic.of(Code.UNKNOWN_LABEL, typed, "unknown stage label `Trsh`")
        .help("did you mean `Trash`?")
        .fixes(List.of(new Fix("replace `Trsh` with `Trash`", List.of(new TextEdit(typed, "Trash")), true)))
        .build();
    Diagnostic choice = Diagnostic.of(Code.UNKNOWN_LABEL, typed, "unknown stage label `Trsh`")
        .fixes(List.of(new Fix("replace `Trsh` with `Trash`", List.of(new TextEdit(typed, "Trash")), false),
            new Fix("replace `Trsh` with `Tar`", List.of(new TextEdit(typed, "Tar")), false)))
        .build();

    assertThat(new TerminalRenderer(false, 50).renderOne(safe, SourceLookup.of(List.of(EXPENSES))))
        .endsWith("""
               = help: did you mean `Trash`?
               = fix: replace `Trsh` with `Trash` (`flow fix` applies it)
            """);
    assertThat(new TerminalRenderer(false, 50).renderOne(choice, SourceLookup.of(List.of(EXPENSES))))
        .endsWith("""
               = fix: replace `Trsh` with `Trash` (one of several; choose by hand)
               = fix: replace `Trsh` with `Tar` (one of several; choose by hand)
            """);
  }

  @Test
  void columnsCountCodePointsAndCaretsAlignUnderWideAndAccentedCharacters() {
    SourceFile file = new SourceFile("f.flow.yaml", "stages:\n  sink: {description: \uD83D\uDEAE, label: Trásh}\n");
    Span trash = find(file, 2, "Trásh");
    assertThat(trash.start().column()).as("the emoji is one code point (two chars)").isEqualTo(33);

    String shown = plain(List.of(Diagnostic.of(Code.UNKNOWN_LABEL, trash, "unknown stage label `Trásh`")
        .label("not in the catalog").build()), file);

    // The emoji takes two cells in a terminal, so the carets sit one cell further right than
    // the column number, under all five letters of Trásh.
    assertThat(shown).isEqualTo("""
        error[E0301]: unknown stage label `Trásh`
         --> f.flow.yaml:2:33
          |
        2 |   sink: {description: \uD83D\uDEAE, label: Trásh}
          |                                  ^^^^^ not in the catalog

        error: 1 error in 1 file
        """);
  }

  @Test
  void tabsAreExpandedAlikeInTheLineAndUnderIt() {
    SourceFile file = new SourceFile("t.flow.yaml", "a:\n\tkey:\tTrsh\n");

    assertThat(plain(List.of(Diagnostic.of(Code.TAB_INDENT, find(file, 2, "Trsh"), "tabbed").label("here").build()), file))
        .isEqualTo("""
            error[E0112]: tabbed
             --> t.flow.yaml:2:7
              |
            2 |     key:    Trsh
              |             ^^^^ here

            error: 1 error in 1 file
            """);
  }

  @Test
  void aSpanOverSeveralLinesIsUnderlinedToTheEndOfItsFirstLineAndSaysWhereItEnds() {
    int start = EXPENSES.offsetOf(7, 3);
    // Ends at the start of line 9, so its last character is line 8's line break.
    int end = EXPENSES.offsetOf(9, 1);
    Diagnostic d = Diagnostic.of(Code.SELECTOR_ONLY_DEFAULT, EXPENSES.span(start, end), "a selector with only a default output")
        .label("this stage").build();

    assertThat(plain(List.of(d), EXPENSES)).isEqualTo("""
        warning[W0702]: a selector with only a default output
         --> flows/expenses.flow.yaml:7:3
          |
        7 |   route:
          |   ^^^^^^ this stage (ends on line 8)

        warning: 1 warning in 1 file
        """);
  }

  @Test
  void relatedPlacesInTheSameFileAreMarkedWithDashesAndGapsAreElided() {
    Diagnostic d = Diagnostic.of(Code.DUPLICATE_INSTANCE_NAME, find(EXPENSES, 11, "other"), "two stages named `Trash`")
        .label("second")
        .related(find(EXPENSES, 9, "big"), "first")
        .related(find(EXPENSES, 2, "id"), "the flow")
        .build();

    assertThat(plain(List.of(d), EXPENSES)).isEqualTo("""
        error[E0308]: two stages named `Trash`
          --> flows/expenses.flow.yaml:11:3
           |
         2 |   id: expenses
           |   -- the flow
        ...
         9 |   big:
           |   --- first
        10 |     label: Trash
        11 |   other:
           |   ^^^^^ second

        error: 1 error in 1 file
        """);
  }

  @Test
  void aRelatedPlaceInAnotherFileGetsItsOwnSnippetAndOneWithoutPlaceANote() {
    SourceFile other = new SourceFile("flows/other.flow.yaml", "flow:\n  id: expenses\n");
    Diagnostic d = Diagnostic.of(Code.DUPLICATE_FLOW_ID, find(EXPENSES, 2, "expenses"), "two flows have the id `expenses`")
        .label("second")
        .related(find(other, 2, "expenses"), "first")
        .related(Span.ofFile("flows/third.flow.yaml"), "and a third")
        .build();

    assertThat(plain(List.of(d), EXPENSES, other)).isEqualTo("""
        error[E0607]: two flows have the id `expenses`
         --> flows/expenses.flow.yaml:2:7
          |
        2 |   id: expenses
          |       ^^^^^^^^ second
         ::: flows/other.flow.yaml:2:7
          |
        2 |   id: expenses
          |       -------- first
          |
          = note: and a third (flows/third.flow.yaml)

        error: 1 error in 1 file
        """);
  }

  @Test
  void aFileLevelDiagnosticOrOneWhoseFileIsUnknownHasNoSnippet() {
    Diagnostic empty = Diagnostic.of(Code.EMPTY_DOCUMENT, Span.ofFile("a.flow.yaml"), "the file holds no flow")
        .help("a flow file starts with `flow:`").build();
    Diagnostic elsewhere = Diagnostic.of(Code.YAML_SYNTAX, find(EXPENSES, 3, "Expenses"), "invalid YAML").build();

    assertThat(TerminalRenderer.PLAIN.render(List.of(elsewhere, empty), SourceLookup.none())).isEqualTo("""
        error[E0108]: the file holds no flow
         --> a.flow.yaml
          |
          = help: a flow file starts with `flow:`

        error[E0101]: invalid YAML
         --> flows/expenses.flow.yaml:3:10

        error: 2 errors in 2 files
        """);
  }

  @Test
  void aLongLineIsCutToAWindowAroundTheSpan() {
    String line = "  description: " + "x".repeat(300) + " Trsh " + "y".repeat(300);
    SourceFile file = new SourceFile("long.flow.yaml", line + "\n");
    String shown = plain(List.of(Diagnostic.of(Code.UNKNOWN_LABEL, find(file, 1, "Trsh"), "m").label("here").build()), file);

    String window = "x".repeat(15) + " Trsh " + "y".repeat(99);
    assertThat(shown).isEqualTo("""
        error[E0301]: m
         --> long.flow.yaml:1:317
          |
        1 | ...%s...
          |                    ^^^^ here

        error: 1 error in 1 file
        """.formatted(window));
  }

  @Test
  void aTenMegabyteLineCostsNoMoreThanItsWindow() {
    String huge = "x".repeat(10_000_000);
    SourceFile file = new SourceFile("huge.flow.yaml", "flow:\n  description: " + huge + "\n");
    Span value = file.span(file.offsetOf(2, 16), file.offsetOf(2, 16) + huge.length());

    String shown = plain(List.of(Diagnostic.of(Code.TOO_LARGE, value, "too long").label("this value").build()), file);

    assertThat(shown).hasLineCount(7).contains("2 |   description: xxxx").contains("^^^^ this value");
    assertThat(shown.length()).isLessThan(1_000);
  }

  @Test
  void atMostTheLimitIsShownAndTheRestCounted() {
    List<Diagnostic> three = List.of(
        Diagnostic.of(Code.UNKNOWN_LABEL, find(EXPENSES, 14, "Trsh"), "one").build(),
        Diagnostic.of(Code.UNKNOWN_LABEL, find(EXPENSES, 10, "Trash"), "two").build(),
        Diagnostic.of(Code.CONFIG_IS_DEFAULT, find(EXPENSES, 12, "Trash"), "three").build());

    String shown = new TerminalRenderer(false, 2).render(three, SourceLookup.of(List.of(EXPENSES)));

    assertThat(shown).contains("error[E0301]: two", "warning[W0407]: three").doesNotContain(": one");
    assertThat(shown).endsWith("""
        … and 1 more not shown (at most 2 are shown)
        error: 2 errors and 1 warning in 1 file
        """);
  }

  @Test
  void theOrderOfTheInputDoesNotMatter() {
    List<Diagnostic> list = new ArrayList<>();
    for (int line : new int[] {14, 2, 8, 10, 6}) {
      list.add(Diagnostic.of(Code.UNKNOWN_LABEL, EXPENSES.lineSpan(line), "line " + line).build());
    }
    String first = plain(list, EXPENSES);
    Collections.reverse(list);

    assertThat(plain(list, EXPENSES)).isEqualTo(first);
    assertThat(first.indexOf("line 2")).isLessThan(first.indexOf("line 6"));
  }

  @Test
  void colourIsOffUnlessAskedFor() {
    Diagnostic d = Diagnostic.of(Code.UNKNOWN_LABEL, find(EXPENSES, 14, "Trsh"), "unknown").label("here").build();

    assertThat(plain(List.of(d), EXPENSES)).doesNotContain("\u001b[");
    assertThat(TerminalRenderer.PLAIN.withColor(true).render(List.of(d), SourceLookup.of(List.of(EXPENSES))))
        .isEqualTo("""
            \u001b[1;31merror[E0301]\u001b[0m\u001b[1m: unknown\u001b[0m
              \u001b[1;34m-->\u001b[0m flows/expenses.flow.yaml:14:12
               \u001b[1;34m|\u001b[0m
            \u001b[1;34m14 |\u001b[0m     label: Trsh
               \u001b[1;34m|\u001b[0m            \u001b[1;31m^^^^ here\u001b[0m

            \u001b[1;31merror\u001b[0m\u001b[1m: 1 error in 1 file\u001b[0m
            """);
  }

  @Test
  void nothingToShowIsNoText() {
    assertThat(plain(List.of())).isEmpty();
  }

  @Test
  void theLimitMustShowSomething() {
    assertThatThrownBy(() -> TerminalRenderer.PLAIN.withLimit(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
