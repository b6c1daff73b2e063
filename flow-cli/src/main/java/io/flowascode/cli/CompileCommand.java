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
import picocli.CommandLine.ParentCommand;

/** `flow compile [FILE...] [-o DIR]`: one `<flow id>.json` per flow, written only if every flow compiles. */
@Command(name = "compile", mixinStandardHelpOptions = true,
    description = "Compile flow files to pipeline JSON, one <flow id>.json per flow. Nothing is written unless all compile.")
final class CompileCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Flow files or directories (default: the project's flows).")
  List<Path> files = List.of();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "target/flow",
      description = "Directory to write the JSON into (default: ${DEFAULT-VALUE}, as the Maven plugin's).")
  Path output;

  @Mixin
  CompilerOptionsMixin options;

  @ParentCommand
  FlowCli parent;

  @Override
  public Integer call() {
    Session session = parent.session;
    session.begin("compile", options.format);
    BatchResult result = options.compileAll(session, files, "to compile");
    options.show(session, result);
    if (result.hasErrors()) {
      return FlowCli.INVALID_INPUT;
    }
    Path dir = session.resolve(output);
    try (AtomicOutputs outputs = new AtomicOutputs()) {
      for (Compilation c : result.compilations()) {
        outputs.stage(dir.resolve(c.flowId().orElseThrow() + ".json"), c.pipeline().orElseThrow().json());
      }
      List<Path> written = outputs.commit();
      session.document().ifPresent(d -> written.forEach(p -> d.body().withArray("written").add(p.toString())));
      if ("text".equals(options.format)) {
        written.forEach(p -> session.out.println("wrote " + p));
        session.out.flush();
      }
    } catch (IOException e) {
      throw new UserError("cannot write to " + dir + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
    return FlowCli.OK;
  }
}
