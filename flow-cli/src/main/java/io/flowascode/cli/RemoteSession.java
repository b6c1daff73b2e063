package io.flowascode.cli;

import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.engine.apply.DesiredFlow;
import io.flowascode.engine.apply.DesiredFlows;
import io.flowascode.engine.apply.TargetSpec;
import io.flowascode.engine.apply.Verdict;
import io.flowascode.engine.project.TargetOptions;
import io.flowascode.engine.target.LocalStoreTarget;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the commands that talk to a target share: the target as typed over the environment, the
 * project compiled, the target opened, how a run ended mapped to an exit code.
 */
final class RemoteSession {
  private RemoteSession() {}

  /** The target options of this run, typed over the project's environment. */
  static TargetOptions options(Session session, RemoteOptions remote) {
    return session.project().target(session, remote.typed(session));
  }

  static TargetSpec spec(Session session, RemoteOptions remote) {
    return options(session, remote).toSpec(session.resolve(Path.of(LocalStoreTarget.DEFAULT_DIRECTORY)), session.variables);
  }

  static int parallelism(Session session, RemoteOptions remote) {
    return options(session, remote).parallelismOrDefault();
  }

  static List<DesiredFlow> desired(Session session, CompilerOptionsMixin options, List<Path> files) {
    BatchResult result = options.compileAll(session, files, "to plan");
    options.show(session, result);
    if (result.hasErrors()) {
      throw new UserError("the flows have errors; nothing was planned", FlowCli.INVALID_INPUT);
    }
    return DesiredFlows.of(result);
  }

  /**
   * Takes the definitions lock from a target that names its definitions by engine version (wxdi)
   * when the project has none, before anything is compiled against a catalog.
   */
  static void ensureDefinitionsLock(Session session, RemoteOptions remote, Path lock) {
    try {
      spec(session, remote).ensureDefinitionsLock(lock).ifPresent(session::say);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), FlowCli.USAGE, e);
    } catch (TargetException | DefinitionsException e) {
      throw new UserError(e.getMessage(), FlowCli.REMOTE_FAILURE, e);
    } catch (IOException e) {
      throw new UserError("cannot write " + lock + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
  }

  static Target open(Session session, RemoteOptions remote, Catalog catalog) {
    try {
      Target target = spec(session, remote).open(catalog);
      session.document().ifPresent(d -> {
        d.target(target.describe());
        d.environment(session.project().environmentName());
      });
      return target;
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
