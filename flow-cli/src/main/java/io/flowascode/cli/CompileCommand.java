package io.flowascode.cli;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.batch.AtomicOutputs;
import io.flowascode.compiler.batch.BatchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `flow compile FILE... -o DIR`: one `<flow id>.json` per flow, written only if every flow compiles. */
@Command(name = "compile", mixinStandardHelpOptions = true,
    description = "Compile flow files to pipeline JSON, one <flow id>.json per flow. Nothing is written unless all compile.")
final class CompileCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Flow files or directories.")
  List<Path> files;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Directory to write the JSON into.")
  Path output;

  @Mixin
  CompilerOptionsMixin options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    BatchResult result = options.compileAll(files);
    DiagnosticsOutput.print(result, options, spec.commandLine().getOut());
    if (result.hasErrors()) {
      return FlowCli.INVALID_INPUT;
    }
    try (AtomicOutputs outputs = new AtomicOutputs()) {
      for (Compilation c : result.compilations()) {
        outputs.stage(output.resolve(c.flowId().orElseThrow() + ".json"), c.pipeline().orElseThrow().json());
      }
      List<Path> written = outputs.commit();
      if ("text".equals(options.format)) {
        for (Path p : written) {
          spec.commandLine().getOut().println("wrote " + p);
        }
      }
    } catch (IOException e) {
      throw new UserError("cannot write to " + output + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
    return FlowCli.OK;
  }
}
