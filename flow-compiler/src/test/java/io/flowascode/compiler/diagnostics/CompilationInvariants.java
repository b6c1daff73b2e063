package io.flowascode.compiler.diagnostics;

import io.flowascode.compiler.verify.PipelineVerifier;
import io.flowascode.compiler.verify.PipelineIssue;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.Compilation;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Related;
import io.flowascode.source.Position;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * What compiling any input must give, however broken the input: diagnostics or a pipeline, never
 * an internal error, every diagnostic pointing into the file, and a pipeline the platform's
 * rules (the one implementation of them, {@link PipelineVerifier}) accept.
 */
final class CompilationInvariants {
  private CompilationInvariants() {}

  /** What is wrong with the compilation of the file; empty when nothing is. */
  static List<String> violations(SourceFile file, Compilation compilation, Catalog catalog) {
    List<String> problems = new ArrayList<>();
    for (Diagnostic d : compilation.diagnostics()) {
      if (d.code() == Code.INTERNAL_ERROR) {
        problems.add("internal error: " + d.message());
      }
      span(file, d.span(), d.code().id() + " " + d.message(), problems);
      for (Related r : d.related()) {
        span(file, r.span(), d.code().id() + " related " + r.message(), problems);
      }
    }
    boolean errors = compilation.hasErrors();
    if (errors == compilation.pipeline().isPresent()) {
      problems.add(errors ? "a pipeline despite errors" : "no pipeline and no error");
    }
    compilation.pipeline().ifPresent(p -> {
      PipelineVerifier.verify(p, catalog).stream().filter(PipelineIssue::fatal)
          .forEach(i -> problems.add("the platform would refuse the pipeline: " + i));
      p.json();
    });
    return problems;
  }

  private static void span(SourceFile file, Span span, String what, List<String> problems) {
    if (!span.file().equals(file.name())) {
      problems.add(what + ": points into another file, " + span.file());
    }
    for (Position p : List.of(span.start(), span.end())) {
      if (p.line() < 1 || p.line() > file.lineCount() || p.offset() < 0 || p.offset() > file.text().length()) {
        problems.add(what + ": position " + p + " is outside the file (" + file.lineCount() + " lines)");
      } else if (!file.positionOf(p.offset()).equals(p)) {
        problems.add(what + ": position " + p + " disagrees with its offset, which is " + file.positionOf(p.offset()));
      }
    }
    if (span.start().compareTo(span.end()) > 0) {
      problems.add(what + ": span ends before it starts");
    }
  }
}
