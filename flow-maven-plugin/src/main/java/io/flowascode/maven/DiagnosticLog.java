package io.flowascode.maven;

import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.render.OutputFormat;
import io.flowascode.diagnostic.render.SourceLookup;
import io.flowascode.diagnostic.render.TerminalRenderer;
import io.flowascode.source.SourceFile;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes diagnostics to Maven's log. In text form each block goes out at its own severity, so a
 * warning never reads as an error; JSON and GitHub forms go out whole at info level for tools.
 */
final class DiagnosticLog {
  private DiagnosticLog() {}

  static void print(BatchResult result, List<SourceFile> others, OutputFormat format, Log log) {
    List<SourceFile> files = new java.util.ArrayList<>(result.compilations().stream().flatMap(c -> c.sources().stream()).toList());
    files.addAll(others);
    print(result.allDiagnostics(), files, format, log);
  }

  /** Diagnostics about any files (the project file's, say), quoting these files' lines. */
  static void print(List<Diagnostic> all, List<SourceFile> files, OutputFormat format, Log log) {
    if (all.isEmpty()) {
      return;
    }
    SourceLookup sources = SourceLookup.of(files);
    if (format != OutputFormat.TEXT) {
      for (String line : format.renderer(false, Integer.MAX_VALUE).render(all, sources).split("\n")) {
        log.info(line);
      }
      return;
    }
    TerminalRenderer renderer = TerminalRenderer.PLAIN;
    int shown = 0;
    for (Diagnostic d : all) {
      if (shown++ == TerminalRenderer.DEFAULT_LIMIT) {
        log.warn("… and " + (all.size() - TerminalRenderer.DEFAULT_LIMIT) + " more not shown");
        break;
      }
      for (String line : renderer.renderOne(d, sources).split("\n")) {
        if (d.isError()) {
          log.error(line);
        } else {
          log.warn(line);
        }
      }
    }
  }
}
