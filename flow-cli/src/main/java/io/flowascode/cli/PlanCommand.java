package io.flowascode.cli;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.secrets.SecretResolver;
import io.flowascode.engine.apply.DesiredFlow;
import io.flowascode.engine.apply.FlowOutcome;
import io.flowascode.engine.apply.LockCheck;
import io.flowascode.engine.apply.PlanJob;
import io.flowascode.engine.apply.Prune;
import io.flowascode.engine.apply.PruneRefusedException;
import io.flowascode.engine.target.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** `flow plan [FILE...]`: what applying would change on the target, optionally saved for a later apply. */
@Command(name = "plan", aliases = "diff", mixinStandardHelpOptions = true,
    description = "Compile the flows (default: the project's) and show what applying them would change on the target, "
        + "in the flow files' words.")
final class PlanCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Flow files or directories (default: the project's flows).")
  List<Path> files = List.of();

  @Mixin
  CompilerOptionsMixin options;

  @Mixin
  RemoteOptions remote;

  @Mixin
  SecretOptions secrets;

  @Option(names = "--plan-file", paramLabel = "FILE", description = "Save the plan here, for `flow apply --plan-file`.")
  Path planFile;

  @Option(names = "--prune", description = "Also plan to delete remote flows this tool created that the project no longer has.")
  boolean prune;

  @Option(names = "--detailed-exitcode", description = "Exit 5 when the plan has changes, 0 when it has none.")
  boolean detailedExitCode;

  @ParentCommand
  FlowCli parent;

  @Override
  public Integer call() {
    Session session = parent.session;
    session.begin("plan", options.format);
    PlanOutput.checkFormat(options.format);
    Path lock = options.definitions.lock(session);
    RemoteSession.ensureDefinitionsLock(session, remote, lock);
    List<DesiredFlow> desired = RemoteSession.desired(session, options, files);
    Catalog catalog = options.catalog(session);
    List<Path> sources = session.project().inputs(session, files, "to plan");
    Optional<String> environment = session.project().environmentName();
    try (Target target = RemoteSession.open(session, remote, catalog)) {
      PlanJob job = new PlanJob(target, catalog, RemoteSession.parallelism(session, remote))
          .withSecrets(secrets.source(session, sources));
      PlanJob.Result result;
      try {
        result = job.plan(desired, Prune.when(prune, sources), Optional.of(lock));
      } catch (PruneRefusedException e) {
        throw new UserError(e.getMessage(), FlowCli.USAGE, e);
      } catch (SecretResolver.MissingSecretsException e) {
        throw new UserError(e.getMessage(), FlowCli.INVALID_INPUT, e);
      }
      result.lock().ifPresent(l -> warn(session, l));
      PlanOutput.show(session, result.plan(), job.heading(environment), options.format);
      for (FlowOutcome failure : result.failures()) {
        session.say("failed     " + failure.flowId() + ": " + failure.message());
      }
      session.document().ifPresent(d -> d.set("failures", ApplyReportJson.outcomes(result.failures())));
      if (planFile != null) {
        Path file = session.resolve(planFile);
        try {
          job.save(file, result.plan(), environment);
        } catch (IOException e) {
          throw new UserError("cannot write the plan to " + file + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
        }
        session.document().ifPresent(d -> d.body().put("planFile", file.toString()));
        session.say("Saved the plan to " + file + "; apply exactly it with: flow apply --plan-file " + file
            + environment.map(e -> " --env " + e).orElse(""));
      }
      return RemoteSession.exitCode(result.verdict(), detailedExitCode);
    }
  }

  private static void warn(Session session, LockCheck lock) {
    String warning = lock instanceof LockCheck.Drifted drifted ? drifted.warning()
        : lock instanceof LockCheck.Unchecked unchecked ? "cannot compare the definitions lock with the target: " + unchecked.reason()
        : null;
    if (warning != null) {
      session.document().ifPresentOrElse(d -> d.body().put("lockWarning", warning),
          () -> session.say("warning: " + warning));
    }
  }
}
