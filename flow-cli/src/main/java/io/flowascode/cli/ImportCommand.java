package io.flowascode.cli;

import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.imports.ImportNote;
import io.flowascode.imports.ImportedFlow;
import io.flowascode.engine.imports.ImportJob;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `flow import FILE... -o DIR`: each pipeline becomes `<flow id>.flow.yaml` (and
 * `<flow id>.definitions.json` when it needs definitions the catalog lacks). Nothing is written
 * unless every pipeline imports, and no file is overwritten without `--force`.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import pipelines (pipeline JSON, export envelopes, or zips of them) as flow files, one <flow id>.flow.yaml"
        + " per pipeline, plus <flow id>.definitions.json when the flow needs definitions the catalog lacks."
        + " Nothing is written unless all import.")
final class ImportCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Pipeline JSON files, export envelopes, or zips of them.")
  List<Path> files = List.of();

  @Option(names = "--id", paramLabel = "ID", description = "Import this flow from the target (repeatable).")
  List<String> ids = List.of();

  @Option(names = "--all", description = "Import every flow of the target.")
  boolean all;

  @picocli.CommandLine.Mixin
  RemoteOptions remote;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Directory to write the flows into.")
  Path output;

  @Option(names = "--force", description = "Overwrite existing files.")
  boolean force;

  @picocli.CommandLine.Mixin
  DefinitionsOptions definitions;

  @ParentCommand
  FlowCli parent;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean fromTarget = all || !ids.isEmpty();
    if (fromTarget == !files.isEmpty()) {
      throw new UserError("give pipeline files, or --id/--all to import from the target, not both", FlowCli.USAGE);
    }
    for (Path file : files) {
      if (!java.nio.file.Files.exists(file)) {
        throw new UserError("no such file: " + file, FlowCli.USAGE);
      }
    }
    ImportJob job = new ImportJob(catalog(), output, force);
    files.forEach(job::addFile);
    if (fromTarget) {
      try (Target target = RemoteSession.open(remote, parent.environment, BundledCatalog.load())) {
        job.addFromTarget(target, ids, all);
      } catch (TargetException e) {
        throw new UserError(e.getMessage(), FlowCli.REMOTE_FAILURE, e);
      }
    }
    ImportJob.Result result;
    try {
      result = job.run();
    } catch (IOException e) {
      throw new UserError("cannot write to " + output + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
    if (!result.ok()) {
      result.problems().forEach(p -> out.println("error: " + p.replace("use force", "use --force")));
      out.println("nothing written");
      out.flush();
      return FlowCli.INVALID_INPUT;
    }
    report(result.written(), out);
    result.secretsFile().ifPresent(f -> out.println("wrote " + f + " (the values of " + result.secretCount()
        + " credential(s) the flows refer to as {secret: NAME}; listed in .gitignore beside it: keep it out of version control)"));
    out.flush();
    return FlowCli.OK;
  }

  /** Reported after the writes succeed, so what is printed is what is on disk. */
  private void report(Iterable<ImportedFlow> flows, PrintWriter out) {
    for (ImportedFlow flow : flows) {
      out.println("wrote " + output.resolve(flow.flowFileName()));
      flow.fragmentFiles().keySet().forEach(f -> out.println("wrote " + output.resolve(f) + " (a fragment the flow uses)"));
      flow.definitions().ifPresent(d -> out.println("wrote " + output.resolve(flow.definitionsFileName())
          + " (definitions the flow compiles with, found beside it)"));
      for (ImportNote note : flow.notes()) {
        out.println("  " + note);
      }
    }
    out.flush();
  }

  private Catalog catalog() {
    return definitions.catalog();
  }
}
