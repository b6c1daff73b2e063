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
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `flow plan FILE...`: what apply would change on the target, optionally saved for a later apply. */
@Command(name = "plan", aliases = "diff", mixinStandardHelpOptions = true,
    description = "Compile the flows and show what applying them would change on the target.")
final class PlanCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Flow files or directories.")
  List<Path> files;

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

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RemoteSession.ensureDefinitionsLock(remote, parent.environment, options.definitions.lock, out);
    List<DesiredFlow> desired = RemoteSession.desired(options, files, out);
    Catalog catalog = options.catalog();
    try (Target target = RemoteSession.open(remote, parent.environment, catalog)) {
      PlanJob job = new PlanJob(target, catalog, remote.parallelism).withSecrets(secrets.source(parent.environment, files));
      PlanJob.Result result;
      try {
        result = job.plan(desired, Prune.when(prune, files), Optional.of(options.definitions.lock));
      } catch (PruneRefusedException e) {
        throw new UserError(e.getMessage(), FlowCli.USAGE, e);
      } catch (SecretResolver.MissingSecretsException e) {
        throw new UserError(e.getMessage(), FlowCli.INVALID_INPUT, e);
      }
      result.lock().ifPresent(lock -> warn(lock, out));
      out.print(PlanOutput.render(result.plan(), options.format, options.color));
      for (FlowOutcome failure : result.failures()) {
        out.println("failed     " + failure.flowId() + ": " + failure.message());
      }
      out.flush();
      if (planFile != null) {
        try {
          job.save(planFile, result.plan());
        } catch (IOException e) {
          throw new UserError("cannot write the plan to " + planFile + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
        }
        if (!"json".equals(options.format)) {
          out.println("Saved the plan to " + planFile + "; apply exactly it with: flow apply --plan-file " + planFile);
        }
      }
      return RemoteSession.exitCode(result.verdict(), detailedExitCode);
    }
  }

  private static void warn(LockCheck lock, PrintWriter out) {
    if (lock instanceof LockCheck.Drifted drifted) {
      out.println("warning: " + drifted.warning());
    } else if (lock instanceof LockCheck.Unchecked unchecked) {
      out.println("warning: cannot compare the definitions lock with the target: " + unchecked.reason());
    }
  }
}
