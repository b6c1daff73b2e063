package io.flowascode.cli;

import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.apply.ApplyReport;
import io.flowascode.engine.apply.DesiredFlow;
import io.flowascode.engine.apply.DesiredFlows;
import io.flowascode.engine.apply.FlowOutcome;
import io.flowascode.engine.apply.Outcome;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** What plan and apply share: compile the project, open the target, map outcomes to exit codes. */
final class RemoteSession {
  private RemoteSession() {}

  static List<DesiredFlow> desired(CompilerOptionsMixin options, List<Path> files, PrintWriter out) {
    String requested = options.format;
    options.format = PlanOutput.diagnosticsFormat(requested);
    try {
      BatchResult result = options.compileAll(files);
      DiagnosticsOutput.print(result, options, out);
      if (result.hasErrors()) {
        throw new UserError("the flows have errors; nothing was planned", FlowCli.INVALID_INPUT);
      }
      return DesiredFlows.of(result);
    } finally {
      options.format = requested;
    }
  }

  static Target open(RemoteOptions remote, Catalog catalog) {
    try {
      return remote.spec().open(catalog);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), FlowCli.USAGE);
    } catch (TargetException e) {
      throw new UserError(e.getMessage(), FlowCli.REMOTE_FAILURE);
    }
  }

  /** 3 when a flow was refused (conflict or drift), 4 when one failed, else 0. */
  static int exitCode(List<FlowOutcome> outcomes) {
    if (outcomes.stream().anyMatch(o -> o.outcome() == Outcome.REFUSED)) {
      return FlowCli.CONFLICT;
    }
    if (outcomes.stream().anyMatch(o -> o.outcome() == Outcome.FAILED)) {
      return FlowCli.REMOTE_FAILURE;
    }
    return FlowCli.OK;
  }

  static int exitCode(ApplyReport report) {
    return exitCode(report.outcomes());
  }
}
