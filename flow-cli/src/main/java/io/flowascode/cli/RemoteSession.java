package io.flowascode.cli;

import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.apply.DesiredFlow;
import io.flowascode.engine.apply.DesiredFlows;
import io.flowascode.engine.apply.Verdict;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import io.flowascode.compiler.catalog.DefinitionsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What plan and apply share: compile the project, open the target, map how a run ended to an exit code. */
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

  /**
   * Takes the definitions lock from a target that names its definitions by engine version (wxdi)
   * when the project has none, before anything is compiled against a catalog.
   */
  static void ensureDefinitionsLock(RemoteOptions remote, Map<String, String> environment, Path lock, PrintWriter out) {
    try {
      remote.spec(environment).ensureDefinitionsLock(lock).ifPresent(out::println);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), FlowCli.USAGE, e);
    } catch (TargetException | DefinitionsException e) {
      throw new UserError(e.getMessage(), FlowCli.REMOTE_FAILURE, e);
    } catch (IOException e) {
      throw new UserError("cannot write " + lock + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
  }

  static Target open(RemoteOptions remote, Map<String, String> environment, Catalog catalog) {
    try {
      return remote.spec(environment).open(catalog);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), FlowCli.USAGE, e);
    } catch (TargetException e) {
      throw new UserError(e.getMessage(), FlowCli.REMOTE_FAILURE, e);
    }
  }

  /** 3 when a flow was refused (conflict or drift), 4 when one failed, 5 for changes when asked, else 0. */
  static int exitCode(Verdict verdict, boolean detailedExitCode) {
    return switch (verdict) {
      case REFUSED -> FlowCli.CONFLICT;
      case FAILED -> FlowCli.REMOTE_FAILURE;
      case CHANGES_PRESENT -> detailedExitCode ? FlowCli.CHANGES_PRESENT : FlowCli.OK;
      case OK -> FlowCli.OK;
    };
  }
}
