package io.flowascode.imports;

import io.flowascode.compiler.naming.InstanceNamer;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.model.Located;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which stages need `instance_name:`: the compiler's own namer is run over the stages in file
 * order, and the first stage it names differently from the pipeline is pinned, until every stage
 * gets its pipeline name. Pinning one at a time keeps the pins few (pinning `Trash_02` first
 * lets the next Trash be named `Trash_01` without a pin).
 */
final class InstanceNamePins {
  private static final Span NOWHERE = Span.ofFile("import");

  private InstanceNamePins() {}

  /**
   * The instance names to pin so the compiler names each stage as the pipeline does.
   *
   * @param labels the definition label of each stage, in file order
   * @param wanted the instance name each stage has in the pipeline
   * @return the name to pin for each stage, empty where the namer assigns the wanted one anyway
   */
  static List<Optional<String>> pins(List<String> labels, List<String> wanted) {
    List<Optional<String>> pins = new ArrayList<>();
    labels.forEach(l -> pins.add(Optional.empty()));
    for (int round = 0; round <= labels.size(); round++) {
      List<InstanceNamer.Request> requests = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        requests.add(new InstanceNamer.Request(labels.get(i), pins.get(i).map(p -> new Located<>(p, NOWHERE))));
      }
      List<String> assigned = InstanceNamer.assign(requests, new Diagnostics());
      int mismatch = -1;
      for (int i = 0; i < labels.size() && mismatch < 0; i++) {
        if (!assigned.get(i).equals(wanted.get(i)) && pins.get(i).isEmpty()) {
          mismatch = i;
        }
      }
      if (mismatch < 0) {
        return pins;
      }
      pins.set(mismatch, Optional.of(wanted.get(mismatch)));
    }
    return pins;
  }
}
