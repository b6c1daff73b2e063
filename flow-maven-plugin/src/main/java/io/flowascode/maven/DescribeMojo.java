package io.flowascode.maven;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.describe.FlowDescription;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** Shows each flow's stages as the platform names them, with their inputs, outputs and events. */
@Mojo(name = "describe", threadSafe = true, requiresProject = true)
public class DescribeMojo extends AbstractFlowMojo {
  @Override
  String goal() {
    return "describe";
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    BatchResult result = compileAll();
    for (Compilation c : result.compilations()) {
      for (String line : FlowDescription.of(c.flow().orElseThrow()).toText().split("\n")) {
        getLog().info(line);
      }
    }
  }
}
