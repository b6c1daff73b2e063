package io.flowascode.maven;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.apply.LockCheck;
import io.flowascode.engine.apply.PlanJob;
import io.flowascode.engine.apply.PruneRefusedException;
import io.flowascode.engine.apply.Verdict;
import io.flowascode.engine.plan.PlanHeading;
import io.flowascode.engine.plan.PlanJsonRenderer;
import io.flowascode.engine.plan.PlanMarkdownRenderer;
import io.flowascode.engine.plan.PlanTextRenderer;
import io.flowascode.engine.target.Target;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Shows what applying the flows would change on the target; optionally saves the plan. */
@Mojo(name = "plan", threadSafe = true, requiresProject = true)
public class PlanMojo extends AbstractRemoteMojo {
  /** Fail the build when the plan has changes (e.g. to check that main is deployed). */
  @Parameter(property = "flow.failOnChanges", defaultValue = "false")
  boolean failOnChanges;

  /** Also write the plan as Markdown (with Mermaid diagrams) here, for a pull-request comment. */
  @Parameter(property = "flow.markdownFile")
  File markdownFile;

  @Override
  String goal() {
    return "plan";
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    var desired = desired();
    Catalog catalog = catalog();
    try (Target t = open(catalog)) {
      PlanJob job = new PlanJob(t, catalog, parallelism()).withSecrets(secrets());
      PlanHeading heading = job.heading(environmentName());
      PlanJob.Result result;
      try {
        result = job.plan(desired, prune(), Optional.of(lock()));
      } catch (PruneRefusedException e) {
        throw new MojoFailureException("flow.prune: " + e.getMessage(), e);
      } catch (io.flowascode.compiler.secrets.SecretResolver.MissingSecretsException e) {
        throw new MojoFailureException(e.getMessage(), e);
      }
      result.lock().ifPresent(this::warn);
      String rendered = "json".equals(output) ? new PlanJsonRenderer().render(result.plan())
          : new PlanTextRenderer().render(result.plan(), heading);
      printLines(rendered);
      log(result.failures());
      try {
        if (planFile != null) {
          job.save(planFile.toPath(), result.plan(), environmentName());
          getLog().info("Saved the plan to " + planFile + "; apply exactly it with: mvn flow:apply -Dflow.planFile=" + planFile
              + environmentName().map(e -> " -Dflow.environment=" + e).orElse(""));
        }
        if (markdownFile != null) {
          Files.createDirectories(markdownFile.toPath().toAbsolutePath().getParent());
          Files.writeString(markdownFile.toPath(), new PlanMarkdownRenderer().render(result.plan(), heading), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new MojoExecutionException("cannot write the plan: " + e.getMessage(), e);
      }
      failOn(result.verdict(), result.failures());
      if (failOnChanges && result.verdict() == Verdict.CHANGES_PRESENT) {
        throw new MojoFailureException("the plan has changes and flow.failOnChanges is set: " + result.plan().summaryLine());
      }
    }
  }

  private void warn(LockCheck lock) {
    if (lock instanceof LockCheck.Drifted drifted) {
      getLog().warn(drifted.warning());
    } else if (lock instanceof LockCheck.Unchecked unchecked) {
      getLog().warn("cannot compare the definitions lock with the target: " + unchecked.reason());
    }
  }
}
