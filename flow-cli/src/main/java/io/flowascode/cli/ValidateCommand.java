package io.flowascode.cli;

import io.flowascode.compiler.batch.BatchResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** `flow validate [FILE...]`: every check of compile, no output written. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check flow files (or directories of *.flow.yaml; default: the project's flows) without writing anything.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Flow files or directories (default: the project's flows).")
  List<Path> files = List.of();

  @Mixin
  CompilerOptionsMixin options;

  @ParentCommand
  FlowCli parent;

  @Override
  public Integer call() {
    Session session = parent.session;
    session.begin("validate", options.format);
    BatchResult result = options.compileAll(session, files, "to validate");
    options.show(session, result);
    int count = DiagnosticsOutput.fileCount(result);
    session.document().ifPresent(d -> d.body().put("flowFiles", count));
    if (result.hasErrors()) {
      return FlowCli.INVALID_INPUT;
    }
    if ("text".equals(options.format)) {
      session.out.println(count + " flow file(s) valid.");
      session.out.flush();
    }
    return FlowCli.OK;
  }
}
