package io.flowascode.compiler.batch;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compiles several flow files and checks what only shows across them (two files, one flow id). */
public final class FlowBatch {
  private final FlowCompiler compiler;

  public FlowBatch(FlowCompiler compiler) {
    this.compiler = compiler;
  }

  /** @param base paths are shown relative to this directory in diagnostics */
  public BatchResult compile(List<Path> files, Path base) {
    List<Compilation> results = new ArrayList<>();
    for (Path f : files) {
      results.add(compiler.compile(f, display(f, base)));
    }
    List<Diagnostic> cross = new ArrayList<>();
    Map<String, Compilation> byId = new HashMap<>();
    for (Compilation c : results) {
      if (c.flowId().isEmpty() || c.isFragment()) {
        continue; // fragments are not pipelines: flows that use one hold copies of it
      }
      Compilation first = byId.putIfAbsent(c.flowId().get(), c);
      if (first != null) {
        Span here = idSpan(c);
        cross.add(Diagnostic.of(Code.DUPLICATE_FLOW_ID, here, "the flow id `" + c.flowId().get() + "` is also used by " + first.fileName())
            .label("duplicate flow id")
            .related(idSpan(first), "first used here")
            .help("each flow file must have its own `flow.id`; it names the pipeline on the platform")
            .build());
      }
    }
    return new BatchResult(results, cross);
  }

  private static Span idSpan(Compilation c) {
    return c.flow().map(f -> f.idSpan()).orElse(Span.ofFile(c.fileName()));
  }

  public static String display(Path file, Path base) {
    try {
      Path rel = base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
      String s = rel.toString();
      return s.startsWith("..") ? file.toString() : s;
    } catch (IllegalArgumentException e) {
      return file.toString();
    }
  }
}
