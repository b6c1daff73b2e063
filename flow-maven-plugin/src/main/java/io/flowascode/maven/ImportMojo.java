package io.flowascode.maven;

import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.imports.ImportNote;
import io.flowascode.imports.ImportedFlow;
import io.flowascode.engine.imports.ImportJob;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Brings existing pipelines into the project as flow files in flow.sourceDirectory (else the project
 * file's first flows folder, else src/main/flows): from exported
 * files (flow.importFiles) or from the target (flow.importIds, or flow.importAll). Existing files
 * are only overwritten with flow.force; nothing is written unless every pipeline imports.
 */
@Mojo(name = "import", threadSafe = true, requiresProject = true)
public class ImportMojo extends AbstractRemoteMojo {
  /** Exported pipeline JSON files, export envelopes, or zips of them. */
  @Parameter(property = "flow.importFiles")
  List<File> importFiles = List.of();

  /** Flow ids to import from the target. */
  @Parameter(property = "flow.importIds")
  List<String> importIds = List.of();

  /** Import every flow of the target. */
  @Parameter(property = "flow.importAll", defaultValue = "false")
  boolean importAll;

  /** Overwrite existing flow files. */
  @Parameter(property = "flow.force", defaultValue = "false")
  boolean force;

  @Override
  String goal() {
    return "import";
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    boolean fromTarget = importAll || !importIds.isEmpty();
    if (fromTarget == !importFiles.isEmpty()) {
      throw new MojoFailureException("set flow.importFiles, or flow.importIds / flow.importAll to import from the target");
    }
    java.nio.file.Path dir = sources().get(0);
    ImportJob job = new ImportJob(catalog(), dir, force);
    importFiles.forEach(f -> job.addFile(f.toPath()));
    if (fromTarget) {
      try (Target t = open(BundledCatalog.load())) {
        job.addFromTarget(t, importIds, importAll);
      } catch (TargetException e) {
        throw new MojoExecutionException(e.getMessage(), e);
      }
    }
    ImportJob.Result result;
    try {
      result = job.run();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write to " + dir + ": " + e.getMessage(), e);
    }
    if (!result.ok()) {
      result.problems().forEach(p -> getLog().error(p.replace("use force", "set flow.force=true")));
      throw new MojoFailureException(result.problems().size() + " problem(s) importing; nothing was written (see above)");
    }
    for (ImportedFlow flow : result.written()) {
      getLog().info("Wrote " + dir.resolve(flow.flowFileName()));
      for (ImportNote note : flow.notes()) {
        getLog().warn("  " + note);
      }
    }
    result.secretsFile().ifPresent(f -> getLog().info("Wrote " + f + " (the values of " + result.secretCount()
        + " credential(s) the flows refer to as {secret: NAME}; listed in .gitignore beside it: keep it out of version control)"));
  }
}
