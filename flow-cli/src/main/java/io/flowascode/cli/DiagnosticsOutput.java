package io.flowascode.cli;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.diagnostic.render.OutputFormat;
import io.flowascode.diagnostic.render.SourceLookup;
import io.flowascode.diagnostic.render.TerminalRenderer;
import io.flowascode.source.SourceFile;
import java.io.PrintWriter;
import java.util.List;

/** Prints a batch's diagnostics in the format the user chose. */
final class DiagnosticsOutput {
  private DiagnosticsOutput() {}

  static OutputFormat format(CompilerOptionsMixin options) {
    try {
      return OutputFormat.parse(options.format);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), FlowCli.USAGE, e);
    }
  }

  static SourceLookup sources(BatchResult result) {
    List<SourceFile> files = result.compilations().stream().flatMap(c -> c.source().stream()).toList();
    return SourceLookup.of(files);
  }

  static void print(BatchResult result, CompilerOptionsMixin options, PrintWriter out) {
    OutputFormat format = format(options);
    if (format == OutputFormat.TEXT && result.allDiagnostics().isEmpty()) {
      return;
    }
    out.print(format.renderer(options.color, TerminalRenderer.DEFAULT_LIMIT).render(result.allDiagnostics(), sources(result)));
    out.flush();
  }

  static int fileCount(BatchResult result) {
    return (int) result.compilations().stream().map(Compilation::fileName).distinct().count();
  }
}
