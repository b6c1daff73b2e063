package io.flowascode.cli;

import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.engine.imports.ImportJob;
import io.flowascode.engine.project.ProjectFile;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import io.flowascode.imports.ImportNote;
import io.flowascode.imports.ImportedFlow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * `flow import FILE... [-o DIR]`: each pipeline becomes `<flow id>.flow.yaml` (and
 * `<flow id>.definitions.json` when it needs definitions the catalog lacks). Nothing is written
 * unless every pipeline imports, and no file is overwritten without `--force`.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import pipelines (pipeline JSON, export envelopes, or zips of them; or --id/--all from the target) as flow "
        + "files, one <flow id>.flow.yaml per pipeline, plus <flow id>.definitions.json when the flow needs definitions the "
        + "catalog lacks. Nothing is written unless all import.")
final class ImportCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Pipeline JSON files, export envelopes, or zips of them.")
  List<Path> files = List.of();

  @Option(names = "--id", paramLabel = "ID", description = "Import this flow from the target (repeatable).")
  List<String> ids = List.of();

  @Option(names = "--all", description = "Import every flow of the target.")
  boolean all;

  @Mixin
  RemoteOptions remote;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Directory to write the flows into (default: the project's first flows folder).")
  Path output;

  @Option(names = "--force", description = "Overwrite existing files.")
  boolean force;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin
  DefinitionsOptions definitions;

  @ParentCommand
  FlowCli parent;

  @Override
  public Integer call() {
    Session session = parent.session;
    session.begin("import", format);
    boolean fromTarget = all || !ids.isEmpty();
    if (fromTarget == !files.isEmpty()) {
      throw new UserError("give pipeline files, or --id/--all to import from the target, not both", FlowCli.USAGE);
    }
    for (Path file : files) {
      if (!Files.exists(session.resolve(file))) {
        throw new UserError("no such file: " + file, FlowCli.USAGE);
      }
    }
    Path dir = output != null ? session.resolve(output) : session.project().file().map(p -> p.flows().get(0))
        .orElseThrow(() -> new UserError("name the folder to write the flows into with -o, or run in a project (there is no "
            + ProjectFile.FILE_NAME + " here)", FlowCli.USAGE));
    ImportJob job = new ImportJob(definitions.catalog(session), dir, force);
    files.forEach(f -> job.addFile(session.resolve(f)));
    if (fromTarget) {
      try (Target target = RemoteSession.open(session, remote, BundledCatalog.load())) {
        job.addFromTarget(target, ids, all);
      } catch (TargetException e) {
        throw new UserError(e.getMessage(), FlowCli.REMOTE_FAILURE, e);
      }
    }
    ImportJob.Result result;
    try {
      result = job.run();
    } catch (IOException e) {
      throw new UserError("cannot write to " + dir + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
    if (!result.ok()) {
      session.document().ifPresent(d -> result.problems().forEach(p -> d.body().withArray("problems").add(p)));
      result.problems().forEach(p -> session.say("error: " + p.replace("use force", "use --force")));
      session.say("nothing written");
      return FlowCli.INVALID_INPUT;
    }
    report(session, dir, result.written());
    result.secretsFile().ifPresent(f -> {
      session.document().ifPresent(d -> d.body().put("secretsFile", f.toString()));
      session.say("wrote " + f + " (the values of " + result.secretCount() + " credential(s) the flows refer to as"
          + " {secret: NAME}; listed in .gitignore beside it: keep it out of version control)");
    });
    return FlowCli.OK;
  }

  /** Reported after the writes succeed, so what is printed is what is on disk. */
  private static void report(Session session, Path dir, Iterable<ImportedFlow> flows) {
    for (ImportedFlow flow : flows) {
      Path file = dir.resolve(flow.flowFileName());
      Path defs = dir.resolve(flow.definitionsFileName());
      session.document().ifPresent(d -> {
        var entry = d.body().withArray("imported").addObject().put("file", file.toString());
        entry.put("definitions", flow.definitions().isPresent() ? defs.toString() : null);
        var fragments = entry.putArray("fragments");
        flow.fragmentFiles().keySet().forEach(f -> fragments.add(dir.resolve(f).toString()));
        var notes = entry.putArray("notes");
        flow.notes().forEach(n -> notes.add(n.toString()));
      });
      session.say("wrote " + file);
      flow.fragmentFiles().keySet().forEach(f -> session.say("wrote " + dir.resolve(f) + " (a fragment the flow uses)"));
      flow.definitions().ifPresent(x -> session.say("wrote " + defs + " (definitions the flow compiles with, found beside it)"));
      for (ImportNote note : flow.notes()) {
        session.say("  " + note);
      }
    }
    if (session.json() && !session.doc().body().has("imported")) {
      session.doc().body().putArray("imported");
    }
  }
}
