package io.flowascode.maven;

import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.compiler.catalog.CatalogSources;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.diagnostic.Code;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters every goal shares, and their translation into a call to the compiler. */
abstract class AbstractFlowMojo extends AbstractMojo {
  /** Skip this goal. */
  @Parameter(property = "flow.skip", defaultValue = "false")
  boolean skip;

  /** Where the flow files (`*.flow.yaml`) are. */
  @Parameter(property = "flow.sourceDirectory", defaultValue = "${project.basedir}/src/main/flows")
  File sourceDirectory;

  /** Extra stage definitions: a /rest/v1/definitions answer, an export with libraryDefinitions, or a catalog file. */
  @Parameter(property = "flow.definitions")
  File definitions;

  /** A definitions lock (from flow:definitions); used instead of the bundled catalog when it exists. */
  @Parameter(property = "flow.lockFile", defaultValue = "${project.basedir}/" + CatalogSources.LOCK_FILE)
  File lockFile;

  /** How diagnostics are printed: text, json or github. */
  @Parameter(property = "flow.output", defaultValue = "text")
  String output;

  /**
   * Let a goal run on a project without flow files (it then does nothing). Off by default, so a
   * wrong flow.sourceDirectory or misnamed files fail the build instead of deploying nothing.
   */
  @Parameter(property = "flow.allowEmpty", defaultValue = "false")
  boolean allowEmpty;

  /** Treat warnings as errors. */
  @Parameter(property = "flow.strict", defaultValue = "false")
  boolean strict;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping flow:" + goal() + " (flow.skip=true)");
      return;
    }
    run();
  }

  abstract String goal();

  abstract void run() throws MojoExecutionException, MojoFailureException;

  Catalog catalog() throws MojoFailureException {
    try {
      return CatalogSources.resolve(lockFile.toPath(), definitions == null ? List.of() : List.of(definitions.toPath()));
    } catch (DefinitionsException e) {
      throw new MojoFailureException("error[" + Code.DEFINITIONS_UNREADABLE.id() + "]: cannot read the stage definitions (flow.lockFile / flow.definitions): " + e.getMessage(), e);
    }
  }

  /** Compiles every flow under the source directory and logs the diagnostics; fails on errors. */
  BatchResult compileAll() throws MojoExecutionException, MojoFailureException {
    List<Path> files;
    try {
      files = sourceDirectory.isDirectory() ? FlowSources.expand(List.of(sourceDirectory.toPath())) : List.of();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list " + sourceDirectory + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      if (allowEmpty) {
        getLog().warn("No flow files (*.flow.yaml) in " + sourceDirectory + " (flow.allowEmpty=true)");
        return new BatchResult(List.of(), List.of());
      }
      throw new MojoFailureException("No flow files (*.flow.yaml) in " + sourceDirectory + ": set flow.sourceDirectory "
          + "to where they are, name them *.flow.yaml, or set flow.allowEmpty=true if the project has none on purpose");
    }
    FlowCompiler compiler = new FlowCompiler(catalog(), CompilerOptions.DEFAULT.withStrict(strict));
    BatchResult result = new FlowBatch(compiler).compile(files, basedir.toPath());
    DiagnosticLog.print(result, OutputFormatParameter.parse(output), getLog());
    if (result.hasErrors()) {
      long errors = result.allDiagnostics().stream().filter(d -> d.isError()).count();
      throw new MojoFailureException(errors + " error(s) in flow files under " + sourceDirectory + " (see above)");
    }
    getLog().info(files.size() + " flow file(s) valid");
    return result;
  }
}
