package io.flowascode.compiler.batch;

import io.flowascode.compiler.Compilation;
import io.flowascode.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** The compilations of several files plus the problems only visible across files. */
public record BatchResult(List<Compilation> compilations, List<Diagnostic> crossFile) {
  public BatchResult {
    compilations = List.copyOf(compilations);
    crossFile = List.copyOf(crossFile);
  }

  public boolean hasErrors() {
    return compilations.stream().anyMatch(Compilation::hasErrors) || crossFile.stream().anyMatch(Diagnostic::isError);
  }

  /**
   * Every diagnostic once, in order: a fragment's own problems are in the compilation of every
   * flow that uses it, and are shown once.
   */
  public List<Diagnostic> allDiagnostics() {
    java.util.Set<Diagnostic> all = new java.util.LinkedHashSet<>();
    compilations.forEach(c -> all.addAll(c.diagnostics()));
    all.addAll(crossFile);
    List<Diagnostic> sorted = new ArrayList<>(all);
    sorted.sort(Diagnostic.ORDER);
    return sorted;
  }
}
