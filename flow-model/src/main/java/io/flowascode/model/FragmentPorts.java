package io.flowascode.model;

import java.util.List;
import java.util.Optional;

/**
 * How a fragment connects to the flow that uses it: the stage its input feeds (none for a fragment
 * that starts with an origin) and its named outputs, in written order (none for a fragment that
 * ends in destinations).
 */
public record FragmentPorts(Optional<Located<String>> input, List<FragmentOutputDecl> outputs) {
  public FragmentPorts {
    outputs = List.copyOf(outputs);
  }
}
