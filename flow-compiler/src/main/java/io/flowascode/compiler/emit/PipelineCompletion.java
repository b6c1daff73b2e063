package io.flowascode.compiler.emit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the emitter adds to a pipeline once the flow's own stages are in it: the copies of the
 * fragments a flow uses, which read the lanes its stages were given. Kept with the flow so that a
 * flow emitted again after its stages are renamed (stable identity) is complete too.
 */
@FunctionalInterface
public interface PipelineCompletion {
  PipelineCompletion NONE = pipeline -> {};

  void complete(ObjectNode pipeline);
}
