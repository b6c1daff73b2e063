package io.flowascode.maven;

import io.flowascode.compiler.batch.AtomicOutputs;
import io.flowascode.compiler.schema.gen.FlowSchemaGenerator;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the editor schema for this project's definitions (the lock, or the bundled catalog, plus
 * flow.definitions), so the project's own stage libraries complete in the editor too.
 */
@Mojo(name = "schema", threadSafe = true, requiresProject = true)
public class SchemaMojo extends AbstractFlowMojo {
  /** Where to write the schema. */
  @Parameter(property = "flow.schemaFile", defaultValue = "${project.build.directory}/flow.schema.json")
  File schemaFile;

  @Override
  String goal() {
    return "schema";
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    String schema = FlowSchemaGenerator.withBundledStructure().render(catalog());
    try (AtomicOutputs out = new AtomicOutputs()) {
      out.stage(schemaFile.toPath(), schema);
      out.commit();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + schemaFile + ": " + e.getMessage(), e);
    }
    getLog().info("Wrote the flow schema to " + schemaFile + "; bind it with `# yaml-language-server: $schema=...`");
  }
}
