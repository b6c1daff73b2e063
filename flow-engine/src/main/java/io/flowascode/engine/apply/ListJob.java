package io.flowascode.engine.apply;

import io.flowascode.engine.target.RemoteFlow;
import io.flowascode.engine.target.RemoteFlowSummary;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * `list` as every door runs it: what flows the target holds, and which of them this tool manages
 * (created them, so prune may delete them), read flow by flow with bounded parallelism since
 * listings do not carry the marker.
 */
public final class ListJob {
  /**
   * One flow on the target.
   *
   * @param managed whether this tool created it (empty when it could not be read)
   * @param inProject whether the project declares a flow with this id
   * @param problem why it could not be read, if it could not
   */
  public record Listed(String id, String title, Optional<String> revision, Optional<Boolean> managed, boolean inProject,
      Optional<String> problem) {}

  private final Target target;
  private final int parallelism;

  public ListJob(Target target, int parallelism) {
    this.target = target;
    this.parallelism = parallelism;
  }

  /**
   * The flows on the target, sorted by id, with whether this tool manages each and the project declares it.
   *
   * @param declared the flow ids the project declares (empty without a project)
   * @throws TargetException when the target cannot list its flows
   */
  public List<Listed> list(Set<String> declared) throws TargetException {
    List<RemoteFlowSummary> flows = target.list().stream().sorted(Comparator.comparing(RemoteFlowSummary::id)).toList();
    return Parallel.map(flows, parallelism, summary -> {
      try {
        Optional<RemoteFlow> flow = target.read(summary.id());
        return new Listed(summary.id(), summary.title(), flow.map(RemoteFlow::revision).or(summary::revision),
            flow.map(f -> ManagedMarker.isManaged(f.pipeline())), declared.contains(summary.id()),
            flow.isPresent() ? Optional.empty() : Optional.of("deleted while listing"));
      } catch (TargetException e) {
        return new Listed(summary.id(), summary.title(), summary.revision(), Optional.empty(), declared.contains(summary.id()),
            Optional.of(e.getMessage()));
      }
    });
  }
}
