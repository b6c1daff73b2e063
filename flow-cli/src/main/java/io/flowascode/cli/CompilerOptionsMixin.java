package io.flowascode.cli;

import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.compiler.catalog.DefinitionsFiles;
import io.flowascode.diagnostic.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every compiling command shares. */
final class CompilerOptionsMixin {
  @Option(names = "--definitions", paramLabel = "FILE",
      description = "Extra stage definitions: a /rest/v1/definitions answer, an export with libraryDefinitions, or a catalog file.")
  List<Path> definitions = List.of();

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "How to print diagnostics: text, json or github (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--color", description = "Color the text output.")
  boolean color;

  Catalog catalog() {
    Catalog catalog = BundledCatalog.load();
    for (Path p : definitions) {
      try {
        catalog = catalog.overlay(DefinitionsFiles.read(p));
      } catch (DefinitionsException e) {
        throw new UserError("error[" + Code.DEFINITIONS_UNREADABLE.id() + "]: cannot read definitions " + p + ": "
            + e.getMessage(), FlowCli.INVALID_INPUT);
      }
    }
    return catalog;
  }

  FlowCompiler compiler() {
    return new FlowCompiler(catalog(), CompilerOptions.DEFAULT.withStrict(strict));
  }

  BatchResult compileAll(List<Path> inputs) {
    List<Path> files;
    try {
      for (Path p : inputs) {
        if (!Files.exists(p)) {
          throw new UserError("no such file or directory: " + p, FlowCli.USAGE);
        }
      }
      files = FlowSources.expand(inputs);
    } catch (IOException e) {
      throw new UserError("cannot list " + inputs + ": " + e.getMessage(), FlowCli.INVALID_INPUT);
    }
    if (files.isEmpty()) {
      throw new UserError("no flow files (*.flow.yaml) found in " + inputs, FlowCli.USAGE);
    }
    return new FlowBatch(compiler()).compile(files, Path.of(""));
  }
}
