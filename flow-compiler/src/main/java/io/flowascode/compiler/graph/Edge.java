package io.flowascode.compiler.graph;

import io.flowascode.model.ConnectionDecl;
import io.flowascode.model.ConnectionKind;
import java.util.Optional;

/** A resolved connection: a data output or the event lane of one stage feeding another. */
public record Edge(ConnectionKind kind, StageNode from, Optional<OutputPort> port, StageNode to, ConnectionDecl.Link link) {
  public String lane() {
    return port.map(OutputPort::lane).orElse(io.flowascode.compiler.naming.LaneNamer.eventLane(from.instanceName()));
  }
}
