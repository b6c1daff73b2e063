package io.flowascode.engine.apply;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.plan.Plan;
import io.flowascode.engine.plan.PlanFile;
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
   * @param plan what was to be applied, for the door to render
   * @param report per flow what happened
   * @param approved false when the gate declined: nothing was written
   */
  public record Result(Plan plan, ApplyReport report, boolean approved) {
    public Verdict verdict() {
      return Verdict.of(report.outcomes());
    }
  }

  private final Target target;
  private final Catalog catalog;
  private final int parallelism;

  public ApplyJob(Target target, Catalog catalog, int parallelism) {
    this.target = target;
    this.catalog = catalog;
    this.parallelism = parallelism;
  }

  /** Plans the desired flows and applies that plan, reusing the reads the plan made. */
  public Result apply(List<DesiredFlow> desired, boolean prune, ApplyGate gate) {
    PlanJob.Result planned = new PlanJob(target, catalog, parallelism).plan(desired, prune, Optional.empty());
    return apply(planned.plan(), planned.snapshots(), planned.failures(), gate);
  }

  /**
   * Applies exactly a saved plan; every flow is read again so one that moved since is refused.
   *
   * @throws io.flowascode.engine.plan.PlanFileException when the file is not an intact saved plan
   */
  public Result applySaved(Path planFile, ApplyGate gate) throws IOException {
    Plan plan = new PlanFile().read(planFile);
    return apply(plan, Map.of(), List.of(), gate);
  }

  private Result apply(Plan plan, Map<String, RemoteFlow> snapshots, List<FlowOutcome> planFailures, ApplyGate gate) {
    if (!gate.proceed(plan)) {
      return new Result(plan, new ApplyReport(planFailures), false);
    }
    ApplyReport report = new Applier(target, parallelism).apply(plan, snapshots);
    List<FlowOutcome> all = new ArrayList<>(report.outcomes());
    all.addAll(planFailures);
    return new Result(plan, new ApplyReport(all), true);
  }
}
