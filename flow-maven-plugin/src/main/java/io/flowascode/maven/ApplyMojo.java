package io.flowascode.maven;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.apply.ApplyGate;
import io.flowascode.engine.apply.ApplyJob;
import io.flowascode.engine.apply.Confirmation;
import io.flowascode.engine.apply.DesiredFlow;
import io.flowascode.engine.apply.PruneRefusedException;
import io.flowascode.engine.plan.PlanHeading;
import io.flowascode.engine.plan.PlanTextRenderer;
import io.flowascode.engine.target.Target;
import java.io.Console;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Applies the flows to the target, or exactly a saved plan (flow.planFile), refusing every flow
 * whose remote changed since it was read. In an interactive build at a terminal it asks before
 * applying a fresh plan; batch builds (`-B`, CI) never wait.
 */
@Mojo(name = "apply", threadSafe = true, requiresProject = true)
public class ApplyMojo extends AbstractRemoteMojo {
  /** Apply without asking, even in an interactive build at a terminal. */
  @Parameter(property = "flow.autoApprove", defaultValue = "false")
  boolean autoApprove;

  @Override
  String goal() {
    return "apply";
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    List<DesiredFlow> desired = planFile == null ? desired() : List.of();
    Catalog catalog = catalog();
    try (Target t = open(catalog)) {
      ApplyJob job = new ApplyJob(t, catalog, parallelism()).withSecrets(secrets());
      PlanHeading heading = new PlanHeading(environmentName(), t.describe());
      ApplyJob.Result result;
      if (planFile != null) {
        ApplyGate show = plan -> {
          getLog().info("Applying the saved plan " + planFile);
          printLines(new PlanTextRenderer().render(plan, heading));
          return true;
        };
        try {
          result = job.applySaved(planFile.toPath(), show, environmentName());
        } catch (IOException e) {
          throw new MojoFailureException("flow.planFile: " + e.getMessage(), e);
        } catch (io.flowascode.compiler.secrets.SecretResolver.MissingSecretsException e) {
          throw new MojoFailureException(e.getMessage(), e);
        }
      } else {
        Confirmation ask = new Confirmation(plan -> printLines(new PlanTextRenderer().render(plan, heading)), autoApprove,
            terminal(), t.describe(), getLog()::warn);
        try {
          result = job.apply(desired, prune(), ask);
        } catch (PruneRefusedException e) {
          throw new MojoFailureException("flow.prune: " + e.getMessage(), e);
        } catch (io.flowascode.compiler.secrets.SecretResolver.MissingSecretsException e) {
          throw new MojoFailureException(e.getMessage(), e);
        }
      }
      if (!result.approved()) {
        return;
      }
      if (result.alreadyApplied()) {
        getLog().info("This plan was applied before: the target already holds all of its changes.");
      }
      log(result.report().outcomes());
      getLog().info(result.report().summaryLine());
      failOn(result.verdict(), result.report().outcomes());
    }
  }

  /** A person to ask: only in an interactive build (not `-B`) with a console. */
  private Optional<Confirmation.Terminal> terminal() {
    Console console = System.console();
    if (settings == null || !settings.isInteractiveMode() || console == null) {
      return Optional.empty();
    }
    return Optional.of(question -> Optional.ofNullable(console.readLine("%s", question)));
  }
}
