package io.flowascode.cli;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.diagnostic.Diagnostic;
import java.io.PrintWriter;

/** Prints a batch's diagnostics in the format the user chose. */
final class DiagnosticsOutput {
  private DiagnosticsOutput() {}

  static void print(BatchResult result, CompilerOptionsMixin options, PrintWriter out) {
    for (Diagnostic d : result.allDiagnostics()) {
      out.println(d.severity().word() + "[" + d.code().id() + "]: " + d.message());
      out.println("  --> " + d.span());
      d.help().ifPresent(h -> out.println("  = help: " + h));
    }
    out.flush();
  }

  static long errors(BatchResult result) {
    return result.compilations().stream().mapToLong(c -> c.diagnostics().stream().filter(Diagnostic::isError).count()).sum()
        + result.crossFile().stream().filter(Diagnostic::isError).count();
  }

  static int fileCount(BatchResult result) {
    return (int) result.compilations().stream().map(Compilation::fileName).distinct().count();
  }
}
