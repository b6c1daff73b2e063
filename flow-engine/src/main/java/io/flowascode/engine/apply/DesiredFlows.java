package io.flowascode.engine.apply;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.emit.PipelineTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The desired state of a project: its compiled flows. */
public final class DesiredFlows {
  private DesiredFlows() {}

  /** The flows of a batch that compiled; call only when the batch has no errors. */
  public static List<DesiredFlow> of(BatchResult batch) {
    List<DesiredFlow> flows = new ArrayList<>();
    for (Compilation c : batch.compilations()) {
      CompiledFlow f = c.flow().orElseThrow(() -> new IllegalStateException(c.fileName() + " did not compile"));
      flows.add(new DesiredFlow(f.id(), f.title(), f.description(), PipelineTrees.tree(c.pipeline().orElseThrow()),
          Optional.of(c.catalog()), Optional.of(f)));
    }
    return flows;
  }
}
