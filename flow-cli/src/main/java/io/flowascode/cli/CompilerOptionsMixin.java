package io.flowascode.cli;

import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.project.ParameterValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every compiling command shares. */
final class CompilerOptionsMixin {
  @Mixin
  DefinitionsOptions definitions;

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json (one JSON document) or github (annotations) (default: ${DEFAULT-VALUE}).")
  String format;

  Catalog catalog(Session session) {
    return definitions.catalog(session);
  }

  /** A compiler with the session's catalog and these options, without the project's parameter values. */
  FlowCompiler compiler(Session session) {
    return new FlowCompiler(catalog(session), CompilerOptions.DEFAULT.withStrict(strict));
  }

  /** Compiles the flows named (else the project's), with the environment's parameter values, and shows the diagnostics. */
  BatchResult compileAll(Session session, List<Path> named, String what) {
    ProjectContext project = session.project();
    List<Path> files = flowFiles(project.inputs(session, named, what));
    CompilerOptions options = CompilerOptions.DEFAULT.withStrict(strict)
        .withParameterValues(ParameterValues.of(project.environment()));
    BatchResult batch = new FlowBatch(new FlowCompiler(catalog(session), options)).compile(files, session.base);
    return ParameterValues.check(batch, project.file(), project.environment());
  }

  /** Shows a batch's diagnostics (with the project file's lines, for those about it). */
  void show(Session session, BatchResult batch) {
    session.diagnostics(batch.allDiagnostics(), DiagnosticsOutput.sources(session, batch), PlanOutput.diagnosticsFormat(format));
  }

  /** The flow files of these inputs: files as given, directories searched; a usage error when there are none. */
  static List<Path> flowFiles(List<Path> inputs) {
    List<Path> files;
    try {
      for (Path p : inputs) {
        if (!Files.exists(p)) {
          throw new UserError("no such file or directory: " + p, FlowCli.USAGE);
        }
      }
      files = FlowSources.expand(inputs);
    } catch (IOException e) {
      throw new UserError("cannot list " + inputs + ": " + e.getMessage(), FlowCli.INVALID_INPUT, e);
    }
    if (files.isEmpty()) {
      throw new UserError("no flow files (*.flow.yaml) found in " + inputs, FlowCli.USAGE);
    }
    return files;
  }
}
