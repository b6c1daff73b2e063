package io.flowascode.cli;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.diagnostic.render.OutputFormat;
import io.flowascode.diagnostic.render.SourceLookup;
import io.flowascode.engine.project.ProjectFile;
import io.flowascode.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** How diagnostics are looked up and named for showing. */
final class DiagnosticsOutput {
  private DiagnosticsOutput() {}

  static OutputFormat format(String format) {
    try {
      return OutputFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), FlowCli.USAGE, e);
    }
  }

  /** The flow files of a batch and the project file, for quoting their lines. */
  static SourceLookup sources(Session session, BatchResult result) {
    List<SourceFile> files = new ArrayList<>(result.compilations().stream().flatMap(c -> c.sources().stream()).toList());
    session.project().file().map(ProjectFile::source).ifPresent(tree -> files.add(tree.file()));
    return SourceLookup.of(files);
  }

  static int fileCount(BatchResult result) {
    return (int) result.compilations().stream().map(Compilation::fileName).distinct().count();
  }
}
