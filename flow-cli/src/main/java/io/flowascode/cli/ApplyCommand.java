package io.flowascode.cli;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.secrets.SecretResolver;
import io.flowascode.engine.apply.ApplyGate;
import io.flowascode.engine.apply.ApplyJob;
import io.flowascode.engine.apply.Confirmation;
import io.flowascode.engine.apply.DesiredFlow;
import io.flowascode.engine.apply.Prune;
import io.flowascode.engine.apply.PruneRefusedException;
import io.flowascode.engine.plan.PlanHeading;
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

/**
 * `flow apply [FILE...]` plans, shows the plan, asks at a terminal, and applies; `flow apply
 * --plan-file F` applies exactly a saved plan (already reviewed: not asked about) and refuses every
 * flow whose remote moved since.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = "Apply the flows (default: the project's) to the target, or exactly a saved plan, never overwriting "
        + "someone else's change.")
final class ApplyCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Flow files or directories (default: the project's flows; not with --plan-file).")
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

  @Override
  public Integer call() {
    Session session = parent.session;
    session.begin("apply", options.format);
    PlanOutput.checkFormat(options.format);
    if (planFile != null && !files.isEmpty()) {
      throw new UserError("give either flow files or --plan-file, not both", FlowCli.USAGE);
    }
    if (session.json() && planFile == null && !autoApprove && session.terminal.isPresent()) {
      // As Terraform's -json: a prompt cannot be part of one JSON document.
      throw new UserError("--format json cannot ask for approval at a terminal: add --auto-approve, or apply a saved "
          + "plan with --plan-file", FlowCli.USAGE);
    }
    Optional<String> environment = session.project().environmentName();
    if (planFile == null) {
      RemoteSession.ensureDefinitionsLock(session, remote, options.definitions.lock(session));
    }
    Catalog catalog = options.catalog(session);
    List<DesiredFlow> desired = planFile == null ? RemoteSession.desired(session, options, files) : List.of();
    List<Path> sources = planFile == null ? session.project().inputs(session, files, "to apply") : List.of();
    try (Target target = RemoteSession.open(session, remote, catalog)) {
      ApplyJob job = new ApplyJob(target, catalog, RemoteSession.parallelism(session, remote))
          .withSecrets(secrets.source(session, planFile == null ? sources : List.of(session.resolve(planFile))));
      PlanHeading heading = new PlanHeading(environment, target.describe());
      ApplyJob.Result result;
      if (planFile != null) {
        ApplyGate show = plan -> {
          PlanOutput.show(session, plan, heading, options.format);
          return true;
        };
        try {
          result = job.applySaved(session.resolve(planFile), show, environment);
        } catch (IOException | SecretResolver.MissingSecretsException e) {
          throw new UserError(e.getMessage(), FlowCli.INVALID_INPUT, e);
        }
      } else {
        Confirmation ask = new Confirmation(plan -> PlanOutput.show(session, plan, heading, options.format),
            autoApprove, session.terminal, target.describe(), session::say);
        try {
          result = job.apply(desired, Prune.when(prune, sources), ask);
        } catch (PruneRefusedException e) {
          throw new UserError(e.getMessage(), FlowCli.USAGE, e);
        } catch (SecretResolver.MissingSecretsException e) {
          throw new UserError(e.getMessage(), FlowCli.INVALID_INPUT, e);
        }
      }
      if (result.alreadyApplied()) {
        session.say("This plan was applied before: the target already holds all of its changes.");
      }
      if (session.json()) {
        session.doc().set("apply", ApplyReportJson.toJson(result.report()));
        session.doc().body().put("approved", result.approved());
        session.doc().body().put("alreadyApplied", result.alreadyApplied());
      } else if (result.approved()) {
        session.out.print(result.report().render());
        session.out.flush();
      }
      return RemoteSession.exitCode(result.verdict(), false);
    }
  }
}
