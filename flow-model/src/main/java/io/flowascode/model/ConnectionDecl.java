package io.flowascode.model;

import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * One item under `connections:` or `events:`: groups of endpoints joined by `>>`. Each adjacent
 * pair of groups connects every endpoint of the left group to every endpoint of the right one.
 */
public record ConnectionDecl(ConnectionKind kind, List<List<PortRef>> groups, Span span) {
  public ConnectionDecl {
    groups = groups.stream().map(List::copyOf).toList();
  }

  /** The individual `from >> to` pairs this item stands for, in written order. */
  public List<Link> links() {
    List<Link> links = new ArrayList<>();
    for (int i = 0; i + 1 < groups.size(); i++) {
      for (PortRef from : groups.get(i)) {
        for (PortRef to : groups.get(i + 1)) {
          links.add(new Link(kind, from, to, this));
        }
      }
    }
    return links;
  }

  /** A single connection from one endpoint to another. */
  public record Link(ConnectionKind kind, PortRef from, PortRef to, ConnectionDecl declaredBy) {}
}
