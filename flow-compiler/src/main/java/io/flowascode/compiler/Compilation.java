package io.flowascode.compiler;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.emit.Pipeline;
import io.flowascode.compiler.fragment.CompiledFragment;
import io.flowascode.compiler.naming.StageNames;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result of compiling one file: its diagnostics and, when there is no error, the flow and the
 * pipeline JSON. For a fragment file, the pipeline is the fragment as the platform stores it and
 * {@code fragment} is set.
 *
 * @param catalog the definitions the flow was compiled with: the compiler's, overlaid with the
 *     flow's own definitions file when it has one; diffs of its pipeline need the same defaults
 * @param fragment the fragment, when the file is a fragment file that compiled
 * @param fragmentSources the fragment files a flow uses, whose lines its diagnostics may quote
 */
public record Compilation(
    String fileName,
    Optional<SourceFile> source,
    Optional<CompiledFlow> flow,
    Optional<Pipeline> pipeline,
    List<Diagnostic> diagnostics,
    Catalog catalog,
    Optional<CompiledFragment> fragment,
    List<SourceFile> fragmentSources) {

  public Compilation {
    diagnostics = List.copyOf(diagnostics);
    fragmentSources = List.copyOf(fragmentSources);
  }

  public Compilation(String fileName, Optional<SourceFile> source, Optional<CompiledFlow> flow,
      Optional<Pipeline> pipeline, List<Diagnostic> diagnostics, Catalog catalog) {
    this(fileName, source, flow, pipeline, diagnostics, catalog, Optional.empty(), List.of());
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The flow id, when the file got far enough to have one (a fragment's id for a fragment file). */
  public Optional<String> flowId() {
    return flow.map(CompiledFlow::id);
  }

  /** Whether the file is a fragment file that compiled (a reusable piece of flows, not a flow of its own). */
  public boolean isFragment() {
    return fragment.isPresent();
  }

  /** The file and the fragment files it uses: every file its diagnostics may point into. */
  public List<SourceFile> sources() {
    List<SourceFile> all = new ArrayList<>();
    source.ifPresent(all::add);
    all.addAll(fragmentSources);
    return all;
  }

  /** The file's stage ids and predicate names beside the platform's instance names, for plans. */
  public Optional<StageNames> stageNames() {
    return flow.map(StageNames::of);
  }
}
