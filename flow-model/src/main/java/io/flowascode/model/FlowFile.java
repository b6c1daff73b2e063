package io.flowascode.model;

import io.flowascode.yaml.SourceTree;
import java.util.List;

/** A whole flow file as written, before any stage is resolved against the catalog. */
public record FlowFile(
    SourceTree source,
    FlowHeader header,
    List<StageDecl> stages,
    List<ConnectionDecl> connections,
    List<ConnectionDecl> events) {

  public FlowFile {
    stages = List.copyOf(stages);
    connections = List.copyOf(connections);
    events = List.copyOf(events);
  }
}
