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

  public List<Diagnostic> allDiagnostics() {
    List<Diagnostic> all = new ArrayList<>();
    compilations.forEach(c -> all.addAll(c.diagnostics()));
    all.addAll(crossFile);
    all.sort(Diagnostic.ORDER);
    return all;
  }
}
