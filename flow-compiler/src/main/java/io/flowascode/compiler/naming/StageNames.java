package io.flowascode.compiler.naming;

import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.graph.OutputPort;
import io.flowascode.compiler.graph.StageNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the flow file names what the platform names otherwise: each stage's id in the file beside
 * the instance name the compiler gave it (`big_orders` for `LocalFS_01`), and each Stream
 * Selector's predicate names in their order (`big` for its first condition). Plans use it to speak
 * the file's words; the pipeline JSON itself has no room for either.
 *
 * @param ids the file's stage id by instance name
 * @param predicates a selector's predicate names by its instance name, in the order of its
 *     conditions (the default output not included)
 */
public record StageNames(Map<String, String> ids, Map<String, List<String>> predicates) {
  public static final StageNames NONE = new StageNames(Map.of(), Map.of());

  public StageNames {
    // Sorted, so that whatever shows them (a plan's JSON) is the same bytes every time.
    ids = Collections.unmodifiableSortedMap(new TreeMap<>(ids));
    TreeMap<String, List<String>> copy = new TreeMap<>();
    predicates.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    predicates = Collections.unmodifiableSortedMap(copy);
  }

  /** The names of a compiled flow's stages and predicates. */
  public static StageNames of(CompiledFlow flow) {
    Map<String, String> ids = new TreeMap<>();
    Map<String, List<String>> predicates = new TreeMap<>();
    for (StageNode stage : flow.graph().stages()) {
      ids.put(stage.instanceName(), stage.id());
      if (stage.definition().hasPredicates()) {
        List<String> names = new ArrayList<>();
        for (OutputPort port : stage.outputs()) {
          if (port.predicate().isPresent()) {
            names.add(port.key());
          }
        }
        predicates.put(stage.instanceName(), names);
      }
    }
    return new StageNames(ids, predicates);
  }

  /** The file's id of the stage with this instance name, when the file declares it. */
  public Optional<String> id(String instance) {
    return Optional.ofNullable(ids.get(instance));
  }

  /** The name of a selector's condition at this 1-based position, when the file names it. */
  public Optional<String> predicate(String instance, int position) {
    List<String> names = predicates.get(instance);
    return names == null || position < 1 || position > names.size() ? Optional.empty() : Optional.of(names.get(position - 1));
  }

  public boolean isEmpty() {
    return ids.isEmpty();
  }
}
