package io.flowascode.cli;

import io.flowascode.compiler.batch.AtomicOutputs;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.compiler.catalog.DefinitionsFiles;
import io.flowascode.compiler.imports.ImportNote;
import io.flowascode.compiler.imports.ImportResult;
import io.flowascode.compiler.imports.ImportedFlow;
import io.flowascode.compiler.imports.PipelineFiles;
import io.flowascode.compiler.imports.PipelineImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

  @Option(names = "--definitions", paramLabel = "FILE",
      description = "The definitions the flows will be compiled with (as for compile): stages they describe need no definitions file.")
  List<Path> definitions = List.of();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean fromTarget = all || !ids.isEmpty();
    if (fromTarget == !files.isEmpty()) {
      throw new UserError("give pipeline files, or --id/--all to import from the target, not both", FlowCli.USAGE);
    }
    PipelineImporter importer = new PipelineImporter(catalog());
    List<String> problems = new ArrayList<>();
    Map<String, ImportedFlow> byId = new LinkedHashMap<>();
    List<List<PipelineFiles.Document>> sources = new ArrayList<>();
    if (fromTarget) {
      sources.add(remoteDocuments(problems));
    }
    for (Path file : files) {
      if (!Files.exists(file)) {
        throw new UserError("no such file: " + file, FlowCli.USAGE);
      }
      try {
        sources.add(PipelineFiles.read(file));
      } catch (PipelineFiles.UnreadableException e) {
        problems.add(e.getMessage());
      }
    }
    for (List<PipelineFiles.Document> documents : sources) {
      for (PipelineFiles.Document d : documents) {
        ImportResult result = importer.importPipeline(d.json(), d.source());
        if (result instanceof ImportResult.Refused refused) {
          problems.add(refused.source() + ": not imported: " + refused.reason());
        } else if (result instanceof ImportResult.Imported imported) {
          ImportedFlow flow = imported.flow();
          if (byId.putIfAbsent(flow.id(), flow) != null) {
            problems.add(d.source() + ": its flow id `" + flow.id() + "` is also another pipeline's");
          }
        }
      }
    }
    Map<Path, String> writes = new LinkedHashMap<>();
    for (ImportedFlow flow : byId.values()) {
      writes.put(output.resolve(flow.flowFileName()), flow.yaml());
      flow.definitions().ifPresent(d -> writes.put(output.resolve(flow.definitionsFileName()), d));
    }
    if (!force) {
      writes.keySet().stream().filter(Files::exists)
          .forEach(p -> problems.add(p + ": exists; use --force to overwrite it"));
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> out.println("error: " + p));
      out.println("nothing written");
      out.flush();
      return FlowCli.INVALID_INPUT;
    }
    try (AtomicOutputs outputs = new AtomicOutputs()) {
      for (Map.Entry<Path, String> w : writes.entrySet()) {
        outputs.stage(w.getKey(), w.getValue());
      }
      outputs.commit();
    } catch (IOException e) {
      throw new UserError("cannot write to " + output + ": " + e.getMessage(), FlowCli.INVALID_INPUT);
    }
    report(byId.values(), out);
    return FlowCli.OK;
  }

  /** Reported after the writes succeed, so what is printed is what is on disk. */
  private void report(Iterable<ImportedFlow> flows, PrintWriter out) {
    for (ImportedFlow flow : flows) {
      out.println("wrote " + output.resolve(flow.flowFileName()));
      flow.definitions().ifPresent(d -> out.println("wrote " + output.resolve(flow.definitionsFileName())
          + " (compile the flow with --definitions " + output.resolve(flow.definitionsFileName()) + ")"));
      for (ImportNote note : flow.notes()) {
        out.println("  " + note);
      }
    }
    out.flush();
  }

  /** The flows named by --id, or all flows with --all, as the target stores them. */
  private List<PipelineFiles.Document> remoteDocuments(List<String> problems) {
    List<PipelineFiles.Document> documents = new ArrayList<>();
    try (io.flowascode.engine.target.Target target = RemoteSession.open(remote, BundledCatalog.load())) {
      List<String> wanted = new ArrayList<>(ids);
      if (all) {
        for (io.flowascode.engine.target.RemoteFlowSummary summary : target.list()) {
          wanted.add(summary.id());
        }
      }
      for (String id : wanted) {
        java.util.Optional<io.flowascode.engine.target.RemoteFlow> flow = target.read(id);
        if (flow.isEmpty()) {
          problems.add(target.describe() + " has no flow `" + id + "`");
        } else {
          documents.add(new PipelineFiles.Document(target.describe() + " flow " + id, flow.get().pipeline()));
        }
      }
    } catch (io.flowascode.engine.target.TargetException e) {
      throw new UserError(e.getMessage(), FlowCli.REMOTE_FAILURE);
    }
    return documents;
  }

  private Catalog catalog() {
    Catalog catalog = BundledCatalog.load();
    for (Path p : definitions) {
      try {
        catalog = catalog.overlay(DefinitionsFiles.read(p));
      } catch (DefinitionsException e) {
        throw new UserError("cannot read definitions " + p + ": " + e.getMessage(), FlowCli.INVALID_INPUT);
      }
    }
    return catalog;
  }
}
