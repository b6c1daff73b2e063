package io.flowascode.compiler.graph;

import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.config.BoundConfig;
import io.flowascode.model.StageDecl;
import java.util.List;
import java.util.Optional;

/** A declared stage resolved against the catalog and named as the platform will name it. */
public record StageNode(
    StageDecl decl, StageDefinition definition, String instanceName, String uiLabel, BoundConfig config,
    List<OutputPort> outputs) {

  public StageNode {
    outputs = List.copyOf(outputs);
  }

  public String id() {
    return decl.idValue();
  }

  public Optional<OutputPort> output(String key) {
    return outputs.stream().filter(p -> p.key().equals(key)).findFirst();
  }
}
