package io.flowascode.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A fragment file's `input:` and `outputs:`: the stage the input feeds, by its id, and each
 * output lane as the output it is (`route[big]`), named after it (`big`, or the stage id for a
 * stage's only output), in the order the platform keeps them.
 */
final class FragmentPortLines {
  private FragmentPortLines() {}

  /**
   * Writes the ports into the file's root and returns the outputs' names, in order.
   *
   * @param stageId the id of a stage by its instance name
   * @param portRef the output a lane is, as a connection names it, when one is
   */
  static List<String> write(ObjectNode root, FragmentImports.Ports ports, Function<String, String> stageId,
      Function<String, Optional<String>> portRef) {
    ports.entryStage().ifPresent(e -> root.put("input", stageId.apply(e)));
    List<String> names = new ArrayList<>();
    if (ports.outputLanes().isEmpty()) {
      return names;
    }
    ObjectNode outputs = root.putObject("outputs");
    Set<String> taken = new HashSet<>();
    for (String lane : ports.outputLanes()) {
      Optional<String> ref = portRef.apply(lane);
      if (ref.isEmpty()) {
        continue; // a lane no stage of the fragment writes: the flow cannot name it (noted by the flow's lanes)
      }
      String name = name(ref.get());
      String unique = name;
      for (int n = 2; !taken.add(unique); n++) {
        unique = name + "_" + n;
      }
      outputs.put(unique, ref.get());
      names.add(unique);
    }
    return names;
  }

  /** `route[big]` is `big`; `route[default]` is `route_default`; `dedup[2]` is `dedup_2`; `drop` is `drop`. */
  private static String name(String ref) {
    int open = ref.indexOf('[');
    if (open < 0) {
      return ref;
    }
    String stage = ref.substring(0, open);
    String port = ref.substring(open + 1, ref.length() - 1);
    return port.matches("\\d+") || port.equals("default") ? stage + "_" + port : port;
  }
}
