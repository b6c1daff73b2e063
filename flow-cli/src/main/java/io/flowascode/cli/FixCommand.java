package io.flowascode.cli;

import io.flowascode.compiler.fix.AppliedFix;
import io.flowascode.compiler.fix.FileFix;
import io.flowascode.compiler.fix.FixJob;
import io.flowascode.compiler.fix.FixReport;
import io.flowascode.diagnostic.render.OutputFormat;
import io.flowascode.diagnostic.render.SourceLookup;
import io.flowascode.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** `flow fix [--dry-run] FILE...`: applies the safe fixes (see {@link FixJob}) and shows what is left. */
@Command(name = "fix", mixinStandardHelpOptions = true,
    description = {"Apply the safe fixes of flow files: a misspelled label, key, configuration, value, stage id or "
        + "predicate where exactly one name is close. Only the misspelled text changes; comments and layout stay. "
        + "Every changed file is written, or none.",
        "Exit code 1 when errors remain after fixing."})
final class FixCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Flow files or directories.")
  List<Path> files;

  @Option(names = "--dry-run", description = "Show the changes as a unified diff; write nothing.")
  boolean dryRun;

  @Mixin
  CompilerOptionsMixin options;

  @ParentCommand
  FlowCli parent;

  @Override
  public Integer call() {
    Session session = parent.session;
    session.begin("fix", options.format);
    boolean text = DiagnosticsOutput.format(options.format) == OutputFormat.TEXT;
    FixReport report;
    try {
      List<Path> inputs = CompilerOptionsMixin.flowFiles(files.stream().map(session::resolve).toList());
      report = new FixJob(options.compiler(session)).run(inputs, session.base, !dryRun);
    } catch (IOException e) {
      throw new UserError("cannot write the fixed files: " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
    PrintWriter out = session.out;
    for (FileFix f : report.files()) {
      if (text && dryRun) {
        out.print(f.unifiedDiff());
      }
      if (text) {
        for (AppliedFix a : f.applied()) {
          out.println((dryRun ? "would fix " : "fixed ") + a.diagnostic().span() + " [" + a.diagnostic().code().id() + "] "
              + a.fix().description());
        }
      }
      f.stopped().ifPresent(why -> session.say(f.name() + ": " + why));
    }
    List<SourceFile> fixed = report.files().stream().filter(f -> !f.name().isEmpty())
        .map(f -> new SourceFile(f.name(), f.after())).toList();
    out.flush();
    session.diagnostics(report.remaining(), SourceLookup.of(fixed), options.format);
    session.document().ifPresent(d -> d.body().put("fixed", report.fixed()).put("changedFiles", report.changedFiles()));
    if (text) {
      session.say((dryRun ? "Would fix " : "Fixed ") + report.fixed() + " problem(s) in " + report.changedFiles() + " file(s)"
          + (dryRun ? "; nothing written." : "."));
    }
    return report.hasErrors() ? FlowCli.INVALID_INPUT : FlowCli.OK;
  }
}
