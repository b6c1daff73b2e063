package io.flowascode.engine.apply;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.plan.Plan;
import io.flowascode.engine.plan.PlanFile;
import io.flowascode.engine.target.RemoteFlow;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * `plan` as every door runs it: read and diff each flow, compare the definitions lock with the
 * target, and hand back what the door renders and how the run ended. The CLI and the Maven plugin
 * only translate their parameters into this call and render its result.
 */
public final class PlanJob {
  /**
   * @param snapshots the remote flows the plan was computed from, so an apply right after needs no
   *     second read
   * @param failures the flows that could not be planned, with why
   * @param lock what the definitions lock comparison found; empty when no lock was given
   */
  public record Result(Plan plan, Map<String, RemoteFlow> snapshots, List<FlowOutcome> failures, Optional<LockCheck> lock) {
    public Result {
      snapshots = Map.copyOf(snapshots);
      failures = List.copyOf(failures);
    }

    /** REFUSED or FAILED when a flow could not be planned, else CHANGES_PRESENT or OK. */
    public Verdict verdict() {
      Verdict outcomes = Verdict.of(failures);
      if (outcomes != Verdict.OK) {
        return outcomes;
      }
      return plan.hasChanges() ? Verdict.CHANGES_PRESENT : Verdict.OK;
    }
  }

  private final Target target;
  private final Catalog catalog;
  private final int parallelism;

  public PlanJob(Target target, Catalog catalog, int parallelism) {
    this.target = target;
    this.catalog = catalog;
    this.parallelism = parallelism;
  }

  /**
   * @param prune also plan deleting remote flows this tool created that `desired` no longer has
   * @param lockFile the definitions lock to compare with the target's definitions, if any
   */
  public Result plan(List<DesiredFlow> desired, boolean prune, Optional<Path> lockFile) {
    PlanResult planned = new Planner(target, catalog, parallelism).plan(desired, prune);
    Optional<LockCheck> lock = lockFile.map(this::checkLock);
    return new Result(planned.plan(), planned.snapshots(), planned.failures(), lock);
  }

  /** Saves the plan for a later `apply` of exactly it (see {@link PlanFile}). */
  public static void save(Path file, Plan plan) throws IOException {
    new PlanFile().write(file, plan);
  }

  private LockCheck checkLock(Path lockFile) {
    try {
      return DefinitionsLock.drift(lockFile, target).<LockCheck>map(LockCheck.Drifted::new).orElse(new LockCheck.Matches());
    } catch (TargetException | IOException e) {
      return new LockCheck.Unchecked(e.getMessage());
    }
  }
}
