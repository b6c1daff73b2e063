package io.flowascode.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.engine.imports.LoadJob;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * `flow load FILE...`: exported pipelines put on the target as they are, as the Data Collector
 * UI's Import does; with the local store, the way to try import, edit and plan without a server.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Put exported pipelines (pipeline JSON, export envelopes, or zips of them) on the target as they are, as "
        + "Data Collector's Import does, each under its own pipeline id. With the local store (--store DIR) this is how to "
        + "try `flow import --all`, an edit and `flow plan` without a server. Nothing is written unless every pipeline "
        + "can be; a flow already on the target is only replaced with --force."})
final class LoadCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pipeline JSON files, export envelopes, or zips of them.")
  List<Path> files;

  @Mixin
  RemoteOptions remote;

  @Option(names = "--force", description = "Replace flows already on the target.")
  boolean force;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @ParentCommand
  FlowCli parent;

  @Override
  public Integer call() {
    Session session = parent.session;
    session.begin("load", format);
    LoadJob.Result result;
    try (Target target = RemoteSession.open(session, remote, BundledCatalog.load())) {
      LoadJob job = new LoadJob(target, force);
      files.forEach(f -> job.addFile(session.resolve(f)));
      result = job.run();
    } catch (TargetException e) {
      throw new UserError(e.getMessage(), FlowCli.REMOTE_FAILURE);
    }
    if (!result.ok()) {
      session.document().ifPresent(d -> result.problems().forEach(p -> d.body().withArray("problems").add(p)));
      result.problems().forEach(p -> session.say("error: " + p.replace("use force", "use --force")));
      session.say("nothing written");
      return FlowCli.INVALID_INPUT;
    }
    if (session.json()) {
      ArrayNode list = session.doc().body().putArray("loaded");
      result.loaded().forEach(l -> list.addObject().put("id", l.flowId()).put("source", l.source()).put("replaced", l.replaced()));
    }
    result.loaded().forEach(l -> session.say((l.replaced() ? "replaced " : "loaded ") + l.flowId() + " from " + l.source()));
    return FlowCli.OK;
  }
}
