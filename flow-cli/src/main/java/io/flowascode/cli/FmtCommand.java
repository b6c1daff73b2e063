package io.flowascode.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flowascode.compiler.batch.AtomicOutputs;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.render.SourceLookup;
import io.flowascode.format.FormatJob;
import io.flowascode.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * `flow fmt [FILE...] [--check]`: lays flow files out the one canonical way, comments kept (see
 * {@link io.flowascode.format.FlowFormatter}); with --check, changes nothing and exits 1 when a
 * file is not laid out so, as CI wants.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
    description = {"Lay flow files out the canonical way (default: the project's flows): two-space indentation, the "
        + "language's key order, inline collections while they fit, comments kept. Rewrites only files that change.",
        "With --check nothing is written; exit 1 names the files that are not laid out so (for CI)."})
final class FmtCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Flow files or directories (default: the project's flows).")
  List<Path> files = List.of();

  @Option(names = "--check", description = "Change nothing; exit 1 when a file is not laid out canonically.")
  boolean check;

  @Option(names = "--diff", description = "Also show what changes, as a unified diff.")
  boolean diff;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @ParentCommand
  FlowCli parent;

  @Override
  public Integer call() {
    Session session = parent.session;
    session.begin("fmt", format);
    List<Path> inputs = session.project().inputs(session, files, "to lay out");
    List<Path> paths;
    try {
      for (Path p : inputs) {
        if (!Files.exists(p)) {
          throw new UserError("no such file or directory: " + p, FlowCli.USAGE);
        }
      }
      paths = FlowSources.expand(inputs);
    } catch (IOException e) {
      throw new UserError("cannot list " + inputs + ": " + e.getMessage(), FlowCli.INVALID_INPUT);
    }
    if (paths.isEmpty()) {
      throw new UserError("no flow files (*.flow.yaml) found in " + inputs, FlowCli.USAGE);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    List<FormatJob.Result> changed = new ArrayList<>();
    ArrayNode report = session.json() ? session.doc().body().putArray("files") : null;
    for (Path p : paths) {
      String name = FlowBatch.display(p, session.base);
      FormatJob.Result r = FormatJob.format(p, name);
      diagnostics.addAll(r.diagnostics());
      r.original().ifPresent(text -> sources.add(new SourceFile(name, text)));
      if (r.changed()) {
        changed.add(r);
      }
      if (report != null) {
        report.addObject().put("file", name).put("changed", r.changed()).put("readable", r.formatted().isPresent());
      }
    }
    session.diagnostics(diagnostics, SourceLookup.of(sources), "json".equals(format) ? "json" : "text");
    boolean unreadable = diagnostics.stream().anyMatch(Diagnostic::isError);
    for (FormatJob.Result r : changed) {
      if (diff) {
        session.say(UnifiedDiff.of(r.file(), r.original().orElseThrow(), r.formatted().orElseThrow()).stripTrailing());
      }
      session.say((check ? "not formatted: " : "formatted ") + r.file());
    }
    if (check) {
      if (changed.isEmpty() && !unreadable) {
        session.say(paths.size() + " flow file(s) laid out canonically.");
      } else if (!changed.isEmpty()) {
        session.say(changed.size() + " of " + paths.size() + " flow file(s) not laid out canonically; run `flow fmt` to fix.");
      }
      return changed.isEmpty() && !unreadable ? FlowCli.OK : FlowCli.INVALID_INPUT;
    }
    try (AtomicOutputs outputs = new AtomicOutputs()) {
      for (FormatJob.Result r : changed) {
        outputs.stage(paths.get(indexOf(paths, session, r.file())), r.formatted().orElseThrow());
      }
      outputs.commit();
    } catch (IOException e) {
      throw new UserError("cannot rewrite the flow files: " + e.getMessage(), FlowCli.INVALID_INPUT);
    }
    if (changed.isEmpty()) {
      session.say(paths.size() + " flow file(s) already laid out canonically.");
    }
    return unreadable ? FlowCli.INVALID_INPUT : FlowCli.OK;
  }

  private static int indexOf(List<Path> paths, Session session, String name) {
    for (int i = 0; i < paths.size(); i++) {
      if (FlowBatch.display(paths.get(i), session.base).equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no path for " + name);
  }
}
