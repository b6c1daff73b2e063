package io.flowascode.cli;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.apply.ApplyReport;
import io.flowascode.engine.apply.Applier;
import io.flowascode.engine.apply.DesiredFlow;
import io.flowascode.engine.apply.FlowOutcome;
import io.flowascode.engine.apply.PlanResult;
import io.flowascode.engine.apply.Planner;
import io.flowascode.engine.plan.Plan;
import io.flowascode.engine.plan.PlanFile;
import io.flowascode.engine.target.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `flow apply FILE...` plans and applies at once; `flow apply --plan-file F` applies exactly a
 * saved plan and refuses every flow whose remote moved since.
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

  @Option(names = "--plan-file", paramLabel = "FILE", description = "Apply exactly this saved plan.")
  Path planFile;

  @Option(names = "--prune", description = "Also delete remote flows this tool created that the project no longer has.")
  boolean prune;

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
    Catalog catalog = options.catalog();
    List<FlowOutcome> planFailures = new ArrayList<>();
    Plan plan;
    Map<String, io.flowascode.engine.target.RemoteFlow> snapshots = Map.of();
    List<DesiredFlow> desired = planFile == null ? RemoteSession.desired(options, files, out) : List.of();
    try (Target target = RemoteSession.open(remote, catalog)) {
      if (planFile != null) {
        try {
          plan = new PlanFile().read(planFile);
        } catch (IOException e) {
          throw new UserError(e.getMessage(), FlowCli.INVALID_INPUT);
        }
      } else {
        PlanResult result = new Planner(target, catalog, remote.parallelism).plan(desired, prune);
        plan = result.plan();
        snapshots = result.snapshots();
        planFailures.addAll(result.failures());
      }
      out.print(PlanOutput.render(plan, options.format, options.color));
      ApplyReport report = new Applier(target, remote.parallelism).apply(plan, snapshots);
      List<FlowOutcome> all = new ArrayList<>(report.outcomes());
      all.addAll(planFailures);
      ApplyReport full = new ApplyReport(all);
      if ("json".equals(options.format)) {
        out.println(ApplyReportJson.render(full));
      } else {
        out.print(full.render());
      }
      out.flush();
      return RemoteSession.exitCode(full);
    }
  }
}
