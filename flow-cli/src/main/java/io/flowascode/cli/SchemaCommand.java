package io.flowascode.cli;

import io.flowascode.compiler.batch.AtomicOutputs;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.schema.gen.FlowSchemaGenerator;
import io.flowascode.engine.project.ProjectFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * `flow schema [--definitions FILE]... [-o FILE]`: the JSON Schema editors use to complete and check
 * flow files, made from the bundled catalog overlaid with the user's own definitions, so that their
 * engine's stages complete too. Without definitions it is exactly the committed
 * `schemas/flow.schema.json`. With `--project-file-schema`, the project file's schema instead.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = {"Write the JSON Schema editors use to complete and check *.flow.yaml files: every stage "
        + "label, each stage's configuration by readable name with types, allowed values and defaults.",
        "Bind it to *.flow.yaml in your editor; see docs/editors.md."})
final class SchemaCommand implements Callable<Integer> {
  @Mixin
  DefinitionsOptions definitions;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The file to write (default: standard output).")
  Path output;

  @Option(names = "--project-file-schema", description = "Write the schema of " + ProjectFile.FILE_NAME + " instead.")
  boolean projectSchema;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json: with -o, json reports what was written as a JSON document (default: ${DEFAULT-VALUE}).")
  String format;

  @ParentCommand
  FlowCli parent;

  @Override
  public Integer call() {
    Session session = parent.session;
    String schema;
    if (projectSchema) {
      schema = projectSchema();
    } else {
      Catalog catalog = definitions.catalog(session);
      schema = FlowSchemaGenerator.withBundledStructure().render(catalog);
    }
    if (output == null) {
      // The schema is itself one JSON document.
      session.out.print(schema);
      session.out.flush();
      return FlowCli.OK;
    }
    session.begin("schema", format);
    Path file = session.resolve(output);
    try (AtomicOutputs outputs = new AtomicOutputs()) {
      outputs.stage(file, schema);
      outputs.commit();
    } catch (IOException e) {
      throw new UserError("cannot write " + file + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
    session.document().ifPresent(d -> d.body().putArray("written").add(file.toString()));
    session.say("wrote " + file);
    return FlowCli.OK;
  }

  /** The published `schemas/flow-project.schema.json`, as the engine checks project files with it. */
  static String projectSchema() {
    try (InputStream in = ProjectFile.class.getResourceAsStream("/io/flowascode/engine/project/flow-project.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("the project schema is missing from the engine's resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
