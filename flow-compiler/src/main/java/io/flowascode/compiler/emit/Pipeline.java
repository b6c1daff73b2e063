package io.flowascode.compiler.emit;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The pipeline a flow compiles to: a {@code pipelineConfig} as Data Collector stores it, shown to
 * users of the compiler as JSON text ({@link #json()}, the bytes {@code flow compile} writes).
 * Immutable. The engine, which compares and sends pipelines as trees, reaches the tree through
 * {@link PipelineTrees}; the compiler's public API stays in JDK and project types.
 */
public final class Pipeline {
  private final ObjectNode tree;
  private volatile @Nullable String json;

  Pipeline(ObjectNode tree) {
    this.tree = tree;
  }

  /** The pipeline as JSON: two-space indented, {@code \n} line ends and a final newline, the same on every machine. */
  public String json() {
    String text = json;
    if (text == null) {
      text = PipelineJson.write(tree);
      json = text;
    }
    return text;
  }

  /** {@link #json()} in UTF-8. */
  public byte[] bytes() {
    return json().getBytes(StandardCharsets.UTF_8);
  }

  ObjectNode tree() {
    return tree;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pipeline p && p.tree.equals(tree);
  }

  @Override
  public int hashCode() {
    return tree.hashCode();
  }

  @Override
  public String toString() {
    return json();
  }
}
