package io.flowascode.compiler.emit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The way between a {@link Pipeline} and its JSON tree, for the modules of this project that work
 * on trees (the engine's diff and targets, the importer, tests). Not part of the compiler's API.
 */
public final class PipelineTrees {
  private PipelineTrees() {}

  /** A pipeline of a tree the caller hands over and no longer changes. */
  public static Pipeline of(ObjectNode tree) {
    return new Pipeline(tree);
  }

  /** A copy of the pipeline's tree, free to change. */
  public static ObjectNode tree(Pipeline pipeline) {
    return pipeline.tree().deepCopy();
  }
}
