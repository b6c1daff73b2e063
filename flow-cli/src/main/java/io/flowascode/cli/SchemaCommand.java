package io.flowascode.cli;

import io.flowascode.compiler.batch.AtomicOutputs;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.schema.gen.FlowSchemaGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `flow schema [--definitions FILE]... [-o FILE]`: the JSON Schema editors use to complete and check
 * flow files, made from the bundled catalog overlaid with the user's own definitions, so that their
 * engine's stages complete too. Without definitions it is exactly the committed
 * `schemas/flow.schema.json`.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = {"Write the JSON Schema editors use to complete and check *.flow.yaml files: every stage "
        + "label, each stage's configuration by readable name with types, allowed values and defaults.",
        "Bind it to *.flow.yaml in your editor; see docs/editors.md."})
final class SchemaCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin
  DefinitionsOptions definitions;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The file to write (default: standard output).")
  Path output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Catalog catalog = definitions.catalog();
    String schema = FlowSchemaGenerator.withBundledStructure().render(catalog);
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      out.print(schema);
      out.flush();
      return FlowCli.OK;
    }
    try (AtomicOutputs outputs = new AtomicOutputs()) {
      outputs.stage(output, schema);
      outputs.commit();
    } catch (IOException e) {
      throw new UserError("cannot write " + output + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
    out.println("wrote " + output);
    out.flush();
    return FlowCli.OK;
  }
}
