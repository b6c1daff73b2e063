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
import io.flowascode.engine.project.Environment;
import io.flowascode.engine.project.ParameterValues;
import io.flowascode.engine.project.ProjectFile;
import io.flowascode.engine.project.ProjectReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters every goal shares, and their translation into a call to the compiler. */
abstract class AbstractFlowMojo extends AbstractMojo {
  /** Skip this goal. */
  @Parameter(property = "flow.skip", defaultValue = "false")
  boolean skip;

  /**
   * Where the flow files (`*.flow.yaml`) are. Default: the project file's flows folders when there
   * is a `flow-project.yaml`, else `src/main/flows`.
   */
  @Parameter(property = "flow.sourceDirectory")
  File sourceDirectory;

  /** Extra stage definitions: a /rest/v1/definitions answer, an export with libraryDefinitions, or a catalog file. */
  @Parameter(property = "flow.definitions")
  File definitions;

  /**
   * A definitions lock (from flow:definitions); used instead of the bundled catalog when it exists.
   * Default: the project file's `lock`, else `flow-definitions.lock.json` in the project's folder.
   */
  @Parameter(property = "flow.lockFile")
  File lockFile;

  /** The project file, with the flows' folders and the environments; used when it exists. */
  @Parameter(property = "flow.projectFile", defaultValue = "${project.basedir}/" + ProjectFile.FILE_NAME)
  File projectFile;

  /**
   * The environment of the project file to use (its target, credentials and parameter values); the
   * project file's `default_environment` when not set.
   */
  @Parameter(property = "flow.environment")
  String environment;

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

  private Optional<ProjectFile> project;
  private Optional<Environment> selected;

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

  /** The project file, read once (its diagnostics logged); empty when the project has none. */
  Optional<ProjectFile> project() throws MojoFailureException {
    if (project == null) {
      if (projectFile == null || !projectFile.isFile()) {
        if (environment != null && !environment.isBlank()) {
          throw new MojoFailureException("flow.environment=" + environment + " needs a project file, and there is no "
              + projectFile + " (set flow.projectFile, or create one with `flow init`)");
        }
        project = Optional.empty();
        selected = Optional.empty();
        return project;
      }
      ProjectReader.Result read = new ProjectReader().read(projectFile.toPath().toAbsolutePath());
      DiagnosticLog.print(read.diagnostics(), read.source().stream().toList(), OutputFormatParameter.parse(output), getLog());
      if (read.hasErrors()) {
        throw new MojoFailureException("the project file " + projectFile + " has errors (see above)");
      }
      project = read.project();
      try {
        selected = project.get().environment(Optional.ofNullable(environment));
      } catch (IllegalArgumentException e) {
        throw new MojoFailureException("flow.environment: " + e.getMessage());
      }
      selected.ifPresent(env -> getLog().info("Environment " + env.name() + " of " + projectFile.getName()));
    }
    return project;
  }

  /** The environment this run uses (flow.environment, else the project file's default), if any. */
  Optional<Environment> environment() throws MojoFailureException {
    project();
    return selected;
  }

  /** The folders of flow files: flow.sourceDirectory, else the project file's, else src/main/flows. */
  List<Path> sources() throws MojoFailureException {
    if (sourceDirectory != null) {
      return List.of(sourceDirectory.toPath());
    }
    return project().map(ProjectFile::flows).orElse(List.of(basedir.toPath().resolve("src/main/flows")));
  }

  /** The definitions lock: flow.lockFile, else the project file's, else flow-definitions.lock.json. */
  Path lock() throws MojoFailureException {
    if (lockFile != null) {
      return lockFile.toPath();
    }
    return project().map(ProjectFile::lock).orElse(basedir.toPath().resolve(CatalogSources.LOCK_FILE));
  }

  Catalog catalog() throws MojoFailureException {
    try {
      return CatalogSources.resolve(lock(), definitions == null ? List.of() : List.of(definitions.toPath()));
    } catch (DefinitionsException e) {
      throw new MojoFailureException("error[" + Code.DEFINITIONS_UNREADABLE.id() + "]: cannot read the stage definitions (flow.lockFile / flow.definitions): " + e.getMessage(), e);
    }
  }

  /** Compiles every flow of the project (with the environment's parameter values) and logs the diagnostics; fails on errors. */
  BatchResult compileAll() throws MojoExecutionException, MojoFailureException {
    List<Path> sources = sources();
    List<Path> files;
    try {
      files = FlowSources.expand(sources.stream().filter(p -> p.toFile().isDirectory()).toList());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list " + sources + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      if (allowEmpty) {
        getLog().warn("No flow files (*.flow.yaml) in " + String.join(", ", sources.stream().map(Path::toString).toList())
            + " (flow.allowEmpty=true)");
        return new BatchResult(List.of(), List.of());
      }
      throw new MojoFailureException("No flow files (*.flow.yaml) in " + String.join(", ", sources.stream().map(Path::toString).toList())
          + ": set flow.sourceDirectory to where they are (or `flows` in the project file), name them *.flow.yaml, "
          + "or set flow.allowEmpty=true if the project has none on purpose");
    }
    CompilerOptions options = CompilerOptions.DEFAULT.withStrict(strict).withParameterValues(ParameterValues.of(environment()));
    FlowCompiler compiler = new FlowCompiler(catalog(), options);
    BatchResult result = ParameterValues.check(new FlowBatch(compiler).compile(files, basedir.toPath()), project(), environment());
    DiagnosticLog.print(result, project().map(p -> List.of(p.source().file())).orElse(List.of()),
        OutputFormatParameter.parse(output), getLog());
    if (result.hasErrors()) {
      long errors = result.allDiagnostics().stream().filter(d -> d.isError()).count();
      throw new MojoFailureException(errors + " error(s) in the flow files or the project file (see above)");
    }
    getLog().info(files.size() + " flow file(s) valid");
    return result;
  }
}
