package io.flowascode.maven;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.apply.ApplyGate;
import io.flowascode.engine.apply.ApplyJob;
import io.flowascode.engine.apply.DesiredFlow;
import io.flowascode.engine.plan.PlanTextRenderer;
import io.flowascode.engine.target.Target;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Applies the flows to the target, or exactly a saved plan (flow.planFile), refusing every flow
 * whose remote changed since it was read.
 */
@Mojo(name = "apply", threadSafe = true, requiresProject = true)
public class ApplyMojo extends AbstractRemoteMojo {
  @Override
  String goal() {
    return "apply";
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    Catalog catalog = catalog();
    List<DesiredFlow> desired = planFile == null ? desired() : List.of();
    try (Target t = open(catalog)) {
      ApplyJob job = new ApplyJob(t, catalog, parallelism);
      ApplyJob.Result result;
      if (planFile != null) {
        ApplyGate show = plan -> {
          getLog().info("Applying the saved plan " + planFile);
          printLines(new PlanTextRenderer().render(plan));
          return true;
        };
        try {
          result = job.applySaved(planFile.toPath(), show);
        } catch (IOException e) {
          throw new MojoFailureException("flow.planFile: " + e.getMessage());
        }
      } else {
        result = job.apply(desired, prune, plan -> {
          printLines(new PlanTextRenderer().render(plan));
          return true;
        });
      }
      log(result.report().outcomes());
      getLog().info(result.report().summaryLine());
      failOn(result.verdict(), result.report().outcomes());
    }
  }
}
