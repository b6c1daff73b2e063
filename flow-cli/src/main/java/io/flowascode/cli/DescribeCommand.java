package io.flowascode.cli;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.describe.FlowDescription;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `flow describe FILE`: the stages with instance names, and each stage's inputs, outputs and events. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = "Show a flow's stages as the platform names them, with each stage's inputs, outputs and events.")
final class DescribeCommand implements Callable<Integer> {
  @Parameters(arity = "1", paramLabel = "FILE", description = "A flow file.")
  Path file;

  @Mixin
  CompilerOptionsMixin options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    BatchResult result = options.compileAll(List.of(file));
    if (result.hasErrors()) {
      DiagnosticsOutput.print(result, options, spec.commandLine().getOut());
      return FlowCli.INVALID_INPUT;
    }
    Compilation c = result.compilations().get(0);
    FlowDescription d = FlowDescription.of(c.flow().orElseThrow());
    spec.commandLine().getOut().print("json".equals(options.format) ? d.toJson() : d.toText());
    spec.commandLine().getOut().flush();
    return FlowCli.OK;
  }
}
