package io.flowascode.cli;

import io.flowascode.compiler.catalog.CatalogSources;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.engine.apply.DefinitionsLock;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `flow definitions --target sdc --url URL`: writes the engine's stage definitions to the lock file. */
@Command(name = "definitions", mixinStandardHelpOptions = true,
    description = "Fetch the target engine's stage definitions into a lock file to commit; validate and compile then use it offline.")
final class DefinitionsCommand implements Callable<Integer> {
  @Mixin
  RemoteOptions remote;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = CatalogSources.LOCK_FILE,
      description = "Where to write the lock (default: ${DEFAULT-VALUE}).")
  Path output;

  @ParentCommand
  FlowCli parent;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    try (Target target = RemoteSession.open(remote, parent.environment, io.flowascode.compiler.catalog.BundledCatalog.load())) {
      String lock = DefinitionsLock.fetch(target);
      DefinitionsLock.write(output, lock);
      spec.commandLine().getOut().println("Wrote the stage definitions of " + target.describe() + " to " + output);
      return FlowCli.OK;
    } catch (TargetException e) {
      throw new UserError(e.getMessage(), FlowCli.REMOTE_FAILURE, e);
    } catch (DefinitionsException e) {
      throw new UserError(e.getMessage(), FlowCli.REMOTE_FAILURE, e);
    } catch (IOException e) {
      throw new UserError("cannot write " + output + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
  }
}
