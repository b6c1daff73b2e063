package io.flowascode.cli;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.secrets.SecretResolver;
import io.flowascode.engine.apply.ApplyGate;
import io.flowascode.engine.apply.ApplyJob;
import io.flowascode.engine.apply.Confirmation;
import io.flowascode.engine.apply.DesiredFlow;
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

/**
 * `flow apply FILE...` plans, shows the plan, asks at a terminal, and applies; `flow apply
 * --plan-file F` applies exactly a saved plan (already reviewed: not asked about) and refuses every
 * flow whose remote moved since.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = "Apply the flows to the target (or exactly a saved plan), never overwriting someone else's change.")
final class ApplyCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Flow files or directories (not with --plan-file).")
  List<Path> files = List.of();

  @Mixin
  CompilerOptionsMixin options;

  @Mixin
  RemoteOptions remote;

  @Mixin
  SecretOptions secrets;

  @Option(names = "--plan-file", paramLabel = "FILE", description = "Apply exactly this saved plan.")
  Path planFile;

  @Option(names = "--prune", description = "Also delete remote flows this tool created that the project no longer has.")
  boolean prune;

  @Option(names = "--auto-approve",
      description = "Apply without asking. Apply asks only at a terminal; runs without one (CI, pipes) never wait.")
  boolean autoApprove;

  @ParentCommand
  FlowCli parent;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (planFile != null && !files.isEmpty()) {
      throw new UserError("give either flow files or --plan-file, not both", FlowCli.USAGE);
    }
    if (planFile == null && files.isEmpty()) {
      throw new UserError("name the flow files to apply, or a saved plan with --plan-file", FlowCli.USAGE);
    }
    if (planFile == null) {
      RemoteSession.ensureDefinitionsLock(remote, parent.environment, options.definitions.lock, out);
    }
    Catalog catalog = options.catalog();
    List<DesiredFlow> desired = planFile == null ? RemoteSession.desired(options, files, out) : List.of();
    try (Target target = RemoteSession.open(remote, parent.environment, catalog)) {
      ApplyJob job = new ApplyJob(target, catalog, remote.parallelism)
          .withSecrets(secrets.source(parent.environment, planFile == null ? files : List.of(planFile)));
      ApplyJob.Result result;
      if (planFile != null) {
        ApplyGate show = plan -> {
          out.print(PlanOutput.render(plan, options.format, options.color));
          return true;
        };
        try {
          result = job.applySaved(planFile, show);
        } catch (IOException | SecretResolver.MissingSecretsException e) {
          throw new UserError(e.getMessage(), FlowCli.INVALID_INPUT, e);
        }
      } else {
        Confirmation ask = new Confirmation(plan -> {
          out.print(PlanOutput.render(plan, options.format, options.color));
          out.flush();
        }, autoApprove, parent.terminal, target.describe(), out::println);
        try {
          result = job.apply(desired, Prune.when(prune, files), ask);
        } catch (PruneRefusedException e) {
          throw new UserError(e.getMessage(), FlowCli.USAGE, e);
        } catch (SecretResolver.MissingSecretsException e) {
          throw new UserError(e.getMessage(), FlowCli.INVALID_INPUT, e);
        }
      }
      if (result.alreadyApplied() && !"json".equals(options.format)) {
        out.println("This plan was applied before: the target already holds all of its changes.");
      }
      if ("json".equals(options.format)) {
        out.println(ApplyReportJson.render(result.report()));
      } else if (result.approved()) {
        out.print(result.report().render());
      }
      out.flush();
      return RemoteSession.exitCode(result.verdict(), false);
    }
  }
}
