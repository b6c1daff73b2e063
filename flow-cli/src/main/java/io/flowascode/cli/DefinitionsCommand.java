package io.flowascode.cli;

import io.flowascode.compiler.catalog.BundledCatalog;
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

/** `flow definitions`: writes the target engine's stage definitions to the lock file. */
@Command(name = "definitions", mixinStandardHelpOptions = true,
    description = "Fetch the target engine's stage definitions into a lock file to commit; validate and compile then use it offline.")
final class DefinitionsCommand implements Callable<Integer> {
  @Mixin
  RemoteOptions remote;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Where to write the lock (default: the project's lock, else flow-definitions.lock.json).")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @ParentCommand
  FlowCli parent;

  @Override
  public Integer call() {
    Session session = parent.session;
    session.begin("definitions", format);
    Path file = session.project().lock(session, output);
    try (Target target = RemoteSession.open(session, remote, BundledCatalog.load())) {
      String lock = DefinitionsLock.fetch(target);
      DefinitionsLock.write(file, lock);
      session.document().ifPresent(d -> d.body().putArray("written").add(file.toString()));
      session.say("Wrote the stage definitions of " + target.describe() + " to " + file);
      return FlowCli.OK;
    } catch (TargetException | DefinitionsException e) {
      throw new UserError(e.getMessage(), FlowCli.REMOTE_FAILURE, e);
    } catch (IOException e) {
      throw new UserError("cannot write " + file + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
  }
}
