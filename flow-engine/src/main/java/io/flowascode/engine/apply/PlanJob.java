package io.flowascode.engine.apply;

import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.secrets.SecretResolver;
import io.flowascode.compiler.secrets.SecretSource;
import io.flowascode.engine.plan.Plan;
import io.flowascode.engine.plan.PlanFile;
import io.flowascode.engine.plan.PlanHeading;
import io.flowascode.engine.target.RemoteFlow;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.io.IOException;
import java.nio.file.Files;
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
   * What planning found.
   *
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
  private SecretSource secrets = SecretSource.NONE;

  public PlanJob(Target target, Catalog catalog, int parallelism) {
    this.target = target;
    this.catalog = catalog;
    this.parallelism = parallelism;
  }

  /** Where the values of the flows' secrets come from (the door chooses: environment, secrets files). */
  public PlanJob withSecrets(SecretSource source) {
    this.secrets = source;
    return this;
  }

  /**
   * Plans the desired flows against the target.
   *
   * @param prune whether to also plan deleting remote flows this tool created that `desired` no
   *     longer has, and from where `desired` was read
   * @param lockFile the definitions lock to compare with the target's definitions, if any
   * @throws PruneRefusedException when pruning would rest on an empty or suspicious project
   * @throws SecretResolver.MissingSecretsException when a flow refers to a secret the source does
   *     not have; nothing was read
   */
  public Result plan(List<DesiredFlow> desired, Prune prune, Optional<Path> lockFile)
      throws PruneRefusedException, SecretResolver.MissingSecretsException {
    checkPrune(desired, prune);
    SecretResolver.checkAll(desired.stream().map(DesiredFlow::pipeline).toList(), secrets);
    PlanResult planned = new Planner(target, catalog, parallelism).withSecrets(secrets).plan(desired, prune.enabled());
    Optional<LockCheck> lock = lockFile.map(this::checkLock);
    return new Result(planned.plan(), planned.snapshots(), planned.failures(), lock);
  }

  /**
   * Saves the plan for a later `apply` of exactly it, on this target only (see {@link PlanFile}).
   *
   * @throws io.flowascode.engine.plan.PlanFileException when the plan is incomplete
   */
  public void save(Path file, Plan plan) throws IOException {
    save(file, plan, Optional.empty());
  }

  /** As {@link #save(Path, Plan)}, recording the project's environment the plan was made for. */
  public void save(Path file, Plan plan, Optional<String> environment) throws IOException {
    new PlanFile().write(file, plan, heading(environment));
  }

  /** What a rendering of this job's plan is headed with: the environment, if any, and the target. */
  public PlanHeading heading(Optional<String> environment) {
    return new PlanHeading(environment, target.describe());
  }

  /**
   * Prune deletes what the project does not declare, so it must not trust a project that declares
   * nothing, or a source directory without a single flow file: both are usually a wrong path or
   * misnamed files, and pruning would delete every flow deployed from them.
   */
  static void checkPrune(List<DesiredFlow> desired, Prune prune) throws PruneRefusedException {
    if (!prune.enabled()) {
      return;
    }
    if (desired.isEmpty()) {
      throw new PruneRefusedException("refusing to prune: the project declares no flow, so every flow this tool "
          + "created on the target would be deleted; check the source directory and the file names (*.flow.yaml), "
          + "or delete the flows by hand if that is really meant");
    }
    for (Path source : prune.sources()) {
      try {
        if (Files.isDirectory(source) && FlowSources.expand(List.of(source)).isEmpty()) {
          throw new PruneRefusedException("refusing to prune: " + source + " holds no flow file (*.flow.yaml), so the "
              + "flows deployed from it would be deleted; check the path and the file names, or leave it out");
        }
      } catch (IOException e) {
        throw new PruneRefusedException("refusing to prune: cannot list " + source + " (" + e.getMessage() + ")", e);
      }
    }
  }

  private LockCheck checkLock(Path lockFile) {
    try {
      return DefinitionsLock.drift(lockFile, target).<LockCheck>map(LockCheck.Drifted::new).orElse(new LockCheck.Matches());
    } catch (TargetException | IOException e) {
      return new LockCheck.Unchecked(e.getMessage());
    }
  }
}
