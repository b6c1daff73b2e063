package io.flowascode.compiler;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.emit.Pipeline;
import io.flowascode.compiler.naming.StageNames;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.source.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * The result of compiling one file: its diagnostics and, when there is no error, the flow and the
 * pipeline JSON.
 *
 * @param catalog the definitions the flow was compiled with: the compiler's, overlaid with the
 *     flow's own definitions file when it has one; diffs of its pipeline need the same defaults
 */
public record Compilation(
    String fileName,
    Optional<SourceFile> source,
    Optional<CompiledFlow> flow,
    Optional<Pipeline> pipeline,
    List<Diagnostic> diagnostics,
    Catalog catalog) {

  public Compilation {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The flow id, when the file got far enough to have one. */
  public Optional<String> flowId() {
    return flow.map(CompiledFlow::id);
  }

  /** The file's stage ids and predicate names beside the platform's instance names, for plans. */
  public Optional<StageNames> stageNames() {
    return flow.map(StageNames::of);
  }
}
