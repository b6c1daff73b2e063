package io.flowascode.cli;

import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.compiler.catalog.Catalog;
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
      description = "How to print diagnostics: text, json or github (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--color", description = "Color the text output.")
  boolean color;

  Catalog catalog() {
    return definitions.catalog();
  }

  FlowCompiler compiler() {
    return new FlowCompiler(catalog(), CompilerOptions.DEFAULT.withStrict(strict));
  }

  BatchResult compileAll(List<Path> inputs) {
    return new FlowBatch(compiler()).compile(flowFiles(inputs), Path.of(""));
  }

  /** The flow files the user named: files as given, directories searched; a usage error when there are none. */
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
