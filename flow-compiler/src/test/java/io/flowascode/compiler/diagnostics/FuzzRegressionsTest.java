package io.flowascode.compiler.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.diagnostic.testing.ExpectationChecker;
import io.flowascode.diagnostic.testing.ExpectationFile;
import io.flowascode.source.SourceFile;
import org.junit.jupiter.api.Test;

/** Inputs the fuzz run once found crashing the compiler (E0900), kept so they stay fixed. */
class FuzzRegressionsTest {
  private final FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);

  @Test
  void aNumberTooLargeForADoubleIsRefusedWhereItIsWritten() {
    // 1e400 became an infinite double, which the schema validator and JSON writer cannot take.
    // The reader keeps it as text, so the phases after it also say why text does not fit there.
    verify("huge-number.flow.yaml", """
        flow:
          id: orders
        stages:
          files:
            label: Directory
            config:
              data_format: JSON
              files_directory: /data/in
              file_name_pattern: '*.json'
              # error[E0204]: `1e400` is too large for a number
              # error[E0402]: `batch_size_in_recs` takes a number, not the text "1e400"
              batch_size_in_recs: 1e400
          trash:
            label: Trash
            # error[E0204]: `1e400` is too large for a number
            # error[E0204]: `1e400` is not a valid value for `type` of stage `trash`
            type: 1e400
        connections:
          - files >> trash
        """);
  }

  @Test
  void aFileEndingInsideAnEscapeIsASyntaxError() {
    // The YAML scanner threw NumberFormatException for a \\u escape cut off by the end of the file.
    String text = "flow:\n  id: orders\nstages:\n  files: {label: Directory, config: {data_format: JSON, files_directory: /data/in, file_name_pattern: '*.json'}}\n  trash: \"\\u";
    Compilation c = compiler.compile(new SourceFile("cut.flow.yaml", text));

    assertThat(CompilationInvariants.violations(new SourceFile("cut.flow.yaml", text), c, compiler.catalog())).isEmpty();
    assertThat(c.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code().id()).isEqualTo("E0101");
      assertThat(d.message()).contains("the file ends inside an escape sequence");
      assertThat(d.span().start().line()).isEqualTo(5);
    });
  }

  private void verify(String name, String text) {
    SourceFile file = new SourceFile(name, text);
    Compilation c = compiler.compile(file);
    assertThat(CompilationInvariants.violations(file, c, compiler.catalog())).isEmpty();
    ExpectationChecker.verify(ExpectationFile.parse(file), c.diagnostics());
  }
}
