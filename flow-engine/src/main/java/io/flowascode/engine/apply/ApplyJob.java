package io.flowascode.engine.apply;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.secrets.SecretResolver;
import io.flowascode.compiler.secrets.SecretSource;
import io.flowascode.engine.plan.FlowPlan;
import io.flowascode.engine.plan.Plan;
import io.flowascode.engine.plan.PlanFile;
import io.flowascode.engine.plan.PlanFileException;
import io.flowascode.engine.plan.SavedPlan;
import io.flowascode.engine.target.RemoteFlow;
import io.flowascode.engine.target.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * `apply` as every door runs it: plan the project (or read a saved plan), let the door show the
 * plan and decide through its {@link ApplyGate}, apply, and report every flow, those that could
 * not even be planned included.
 */
public final class ApplyJob {
  /**
   * What an apply did.
   *
   * @param plan what was to be applied, for the door to render
   * @param report per flow what happened
   * @param approved false when the gate declined: nothing was written
   */
  public record Result(Plan plan, ApplyReport report, boolean approved) {
    public Verdict verdict() {
      return Verdict.of(report.outcomes());
    }

    /** True when the plan had changes and the remote already held every one of them: applied before. */
    public boolean alreadyApplied() {
      List<String> changing = plan.flows().stream().filter(FlowPlan::hasChanges).map(FlowPlan::flowId).toList();
      return approved && !changing.isEmpty() && report.outcomes().stream()
          .filter(o -> changing.contains(o.flowId()))
          .allMatch(o -> o.outcome() == Outcome.UNCHANGED && o.message().startsWith(Applier.ALREADY_APPLIED));
    }
  }

  private final Target target;
  private final Catalog catalog;
  private final int parallelism;
  private SecretSource secrets = SecretSource.NONE;

  public ApplyJob(Target target, Catalog catalog, int parallelism) {
    this.target = target;
    this.catalog = catalog;
    this.parallelism = parallelism;
  }

  /** Where the values of the flows' secrets come from; a saved plan holds only their names. */
  public ApplyJob withSecrets(SecretSource source) {
    this.secrets = source;
    return this;
  }

  /**
   * Plans the desired flows and applies that plan, reusing the reads the plan made.
   *
   * @throws PruneRefusedException when pruning would rest on an empty or suspicious project
   * @throws SecretResolver.MissingSecretsException when a flow refers to a secret the source does not have
   */
  public Result apply(List<DesiredFlow> desired, Prune prune, ApplyGate gate)
      throws PruneRefusedException, SecretResolver.MissingSecretsException {
    PlanJob.Result planned = new PlanJob(target, catalog, parallelism).withSecrets(secrets)
        .plan(desired, prune, Optional.empty());
    return apply(planned.plan(), planned.snapshots(), planned.failures(), gate);
  }

  /**
   * Applies exactly a saved plan; every flow is read again so one that moved since is refused,
   * and one that already holds what the plan writes (the plan was applied before) is left alone.
   *
   * @throws io.flowascode.engine.plan.PlanFileException when the file is not an intact saved plan,
   *     or was made for another target
   */
  public Result applySaved(Path planFile, ApplyGate gate) throws IOException, SecretResolver.MissingSecretsException {
    return applySaved(planFile, gate, Optional.empty());
  }

  /**
   * As {@link #applySaved(Path, ApplyGate)} in a project's environment: a plan made for another
   * environment is refused, naming both.
   */
  public Result applySaved(Path planFile, ApplyGate gate, Optional<String> environment) throws IOException, SecretResolver.MissingSecretsException {
    SavedPlan saved = new PlanFile().read(planFile);
    SecretResolver.checkAll(saved.plan().flows().stream().map(FlowPlan::desiredPipeline)
        .filter(java.util.Objects::nonNull).toList(), secrets);
    if (!saved.target().equals(target.describe())) {
      throw new PlanFileException("saved plan " + planFile + " was made for " + saved.target() + ", not for "
          + target.describe() + ": apply it with the target it was made for, or plan again for this one");
    }
    if (environment.isPresent() && saved.environment().isPresent() && !environment.equals(saved.environment())) {
      throw new PlanFileException("saved plan " + planFile + " was made for the environment " + saved.environment().get()
          + ", not for " + environment.get() + ": apply it with --env " + saved.environment().get()
          + ", or plan again for " + environment.get());
    }
    return apply(saved.plan(), Map.of(), List.of(), gate);
  }

  private Result apply(Plan plan, Map<String, RemoteFlow> snapshots, List<FlowOutcome> planFailures, ApplyGate gate) {
    if (!gate.proceed(plan)) {
      return new Result(plan, new ApplyReport(planFailures), false);
    }
    ApplyReport report = new Applier(target, catalog, parallelism).withSecrets(secrets).apply(plan, snapshots);
    List<FlowOutcome> all = new ArrayList<>(report.outcomes());
    all.addAll(planFailures);
    return new Result(plan, new ApplyReport(all), true);
  }
}
