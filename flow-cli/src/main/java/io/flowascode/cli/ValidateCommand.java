package io.flowascode.cli;

import io.flowascode.compiler.batch.BatchResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `flow validate FILE...`: every check of compile, no output written. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check flow files (or directories of *.flow.yaml) without writing anything.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Flow files or directories.")
  List<Path> files;

  @Mixin
  CompilerOptionsMixin options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    BatchResult result = options.compileAll(files);
    DiagnosticsOutput.print(result, options, spec.commandLine().getOut());
    if (result.hasErrors()) {
      return FlowCli.INVALID_INPUT;
    }
    if ("text".equals(options.format)) {
      spec.commandLine().getOut().println(DiagnosticsOutput.fileCount(result) + " flow file(s) valid.");
    }
    return FlowCli.OK;
  }
}
