package io.flowascode.maven;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.apply.ApplyReport;
import io.flowascode.engine.apply.Applier;
import io.flowascode.engine.apply.FlowOutcome;
import io.flowascode.engine.apply.PlanResult;
import io.flowascode.engine.apply.Planner;
import io.flowascode.engine.plan.Plan;
import io.flowascode.engine.plan.PlanFile;
import io.flowascode.engine.plan.PlanTextRenderer;
import io.flowascode.engine.target.RemoteFlow;
import io.flowascode.engine.target.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    Plan plan;
    Map<String, RemoteFlow> snapshots = Map.of();
    List<FlowOutcome> planFailures = new ArrayList<>();
    var desired = planFile == null ? desired() : List.<io.flowascode.engine.apply.DesiredFlow>of();
    try (Target t = open(catalog)) {
      if (planFile != null) {
        try {
          plan = new PlanFile().read(planFile.toPath());
        } catch (IOException e) {
          throw new MojoFailureException("flow.planFile: " + e.getMessage());
        }
        getLog().info("Applying the saved plan " + planFile);
      } else {
        PlanResult result = new Planner(t, catalog, parallelism).plan(desired, prune);
        plan = result.plan();
        snapshots = result.snapshots();
        planFailures.addAll(result.failures());
      }
      printLines(new PlanTextRenderer().render(plan));
      ApplyReport report = new Applier(t, parallelism).apply(plan, snapshots);
      List<FlowOutcome> all = new ArrayList<>(report.outcomes());
      all.addAll(planFailures);
      ApplyReport full = new ApplyReport(all);
      log(full.outcomes());
      getLog().info(full.summaryLine());
      failOn(full.outcomes());
    }
  }
}
