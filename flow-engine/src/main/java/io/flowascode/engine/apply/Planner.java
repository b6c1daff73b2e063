package io.flowascode.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.secrets.SecretResolver;
import io.flowascode.compiler.secrets.SecretSource;
import io.flowascode.engine.diff.SecretRedaction;
import io.flowascode.engine.plan.FlowPlan;
import io.flowascode.engine.plan.Plan;
import io.flowascode.engine.target.RemoteFlow;
import io.flowascode.engine.target.RemoteFlowSummary;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes what applying the project would change: one read per flow, a semantic diff, and
 * (with prune) deletions of remote flows this tool created that the project no longer has.
 */
public final class Planner {
  /** Stands for the flows prune would have found, when listing them failed. */
  static final String UNLISTED = "(the flows to prune)";

  private final Target target;
  private final Catalog catalog;
  private final int parallelism;
  private SecretSource secrets = SecretSource.NONE;

  public Planner(Target target, Catalog catalog, int parallelism) {
    this.target = target;
    this.catalog = catalog;
    this.parallelism = parallelism;
  }

  /** Where the values of the flows' secrets come from; they are compared, never shown. */
  public Planner withSecrets(SecretSource source) {
    this.secrets = source;
    return this;
  }

  private record Planned(Optional<FlowPlan> plan, Optional<RemoteFlow> snapshot, Optional<FlowOutcome> failure) {}

  public PlanResult plan(List<DesiredFlow> desired, boolean prune) {
    List<Planned> results = new ArrayList<>(Parallel.map(desired, parallelism, this::planOne));
    List<FlowOutcome> failures = new ArrayList<>();
    if (prune) {
      Set<String> wanted = new HashSet<>();
      desired.forEach(d -> wanted.add(d.id()));
      try {
        List<String> others = target.list().stream().map(RemoteFlowSummary::id).filter(id -> !wanted.contains(id)).sorted().toList();
        results.addAll(Parallel.map(others, parallelism, this::planDeletion));
      } catch (TargetException e) {
        failures.add(FlowOutcome.of(UNLISTED, Outcome.FAILED, "cannot list the flows of " + target.describe() + ": " + e.getMessage()));
      }
    }
    List<FlowPlan> plans = new ArrayList<>();
    Map<String, RemoteFlow> snapshots = new LinkedHashMap<>();
    for (Planned p : results) {
      p.plan().ifPresent(plans::add);
      p.snapshot().ifPresent(s -> snapshots.put(s.id(), s));
      p.failure().ifPresent(failures::add);
    }
    List<String> unread = failures.stream().map(FlowOutcome::flowId).toList();
    return new PlanResult(new Plan(plans, unread), snapshots, failures);
  }

  private Planned planOne(DesiredFlow flow) {
    try {
      Optional<RemoteFlow> remote = target.read(flow.id());
      Catalog definitions = flow.catalogOr(catalog);
      // The flow's stages keep the names they have on the target, whatever the order of the file;
      // they are matched with the secrets' values in, as the remote holds them.
      JsonNode matched = SecretResolver.resolve(flow.pipeline(), secrets).pipeline();
      DesiredFlow named = StableIdentity.reconcile(flow, matched, remote.map(RemoteFlow::pipeline).orElse(null), definitions);
      JsonNode desired = ManagedMarker.mark(StableIdentity.recorded(named.pipeline(), named), target.keepsLabels());
      // Compared with the secrets' values in, kept with their placeholders: apply puts the values
      // in again, and a saved plan never holds them.
      SecretResolver.Resolved resolved = SecretResolver.resolve(desired, secrets);
      FlowPlan compared = FlowPlan.compute(flow.id(), remote.map(RemoteFlow::pipeline).orElse(null),
          remote.map(RemoteFlow::revision).orElse(null), resolved.pipeline(), named.names(), definitions);
      FlowPlan plan = new FlowPlan(flow.id(), compared.action(), compared.remoteRevision(), desired,
          SecretRedaction.redact(compared.diff(), desired, resolved.values().values()), compared.names());
      return new Planned(Optional.of(plan), remote, Optional.empty());
    } catch (TargetException e) {
      return new Planned(Optional.empty(), Optional.empty(), Optional.of(Failures.outcome(flow.id(), e)));
    } catch (SecretResolver.MissingSecretsException e) {
      return new Planned(Optional.empty(), Optional.empty(), Optional.of(FlowOutcome.of(flow.id(), Outcome.FAILED, e.getMessage())));
    }
  }

  private Planned planDeletion(String flowId) {
    try {
      Optional<RemoteFlow> remote = target.read(flowId);
      if (remote.isEmpty() || !ManagedMarker.isManaged(remote.get().pipeline())) {
        return new Planned(Optional.empty(), Optional.empty(), Optional.empty());
      }
      FlowPlan plan = FlowPlan.compute(flowId, remote.get().pipeline(), remote.get().revision(), null, catalog);
      return new Planned(Optional.of(plan), remote, Optional.empty());
    } catch (TargetException e) {
      return new Planned(Optional.empty(), Optional.empty(), Optional.of(Failures.outcome(flowId, e)));
    }
  }
}
