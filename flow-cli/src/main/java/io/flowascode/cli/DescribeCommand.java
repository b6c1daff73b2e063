package io.flowascode.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.describe.FlowDescription;
import io.flowascode.compiler.emit.PipelineJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** `flow describe [FILE...]`: the stages with instance names, and each stage's inputs, outputs and events. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = "Show flows' stages as the platform names them, with each stage's inputs, outputs and events.")
final class DescribeCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Flow files or directories (default: the project's flows).")
  List<Path> files = List.of();

  @Mixin
  CompilerOptionsMixin options;

  @ParentCommand
  FlowCli parent;

  @Override
  public Integer call() throws IOException {
    Session session = parent.session;
    session.begin("describe", options.format);
    BatchResult result = options.compileAll(session, files, "to describe");
    if (result.hasErrors()) {
      options.show(session, result);
      return FlowCli.INVALID_INPUT;
    }
    ArrayNode flows = session.json() ? session.doc().body().putArray("flows") : null;
    for (Compilation c : result.compilations()) {
      FlowDescription d = FlowDescription.of(c.flow().orElseThrow());
      if (flows != null) {
        flows.add(PipelineJson.MAPPER.readTree(d.toJson()));
      } else {
        session.out.print(d.toText());
      }
    }
    session.out.flush();
    return FlowCli.OK;
  }
}
