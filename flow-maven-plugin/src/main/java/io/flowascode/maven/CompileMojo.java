package io.flowascode.maven;

import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.batch.AtomicOutputs;
import io.flowascode.compiler.batch.BatchResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Compiles every flow file to the platform's pipeline JSON, one `<flow id>.json` each; all or nothing. */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true, requiresProject = true)
public class CompileMojo extends AbstractFlowMojo {
  /** Where the pipeline JSON goes. */
  @Parameter(property = "flow.outputDirectory", defaultValue = "${project.build.directory}/flow")
  File outputDirectory;

  @Override
  String goal() {
    return "compile";
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    BatchResult result = compileAll();
    try (AtomicOutputs outputs = new AtomicOutputs()) {
      for (Compilation c : result.compilations()) {
        outputs.stage(outputDirectory.toPath().resolve(c.flowId().orElseThrow() + ".json"),
            c.pipeline().orElseThrow().json());
      }
      for (Path p : outputs.commit()) {
        getLog().info("Wrote " + p);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write to " + outputDirectory + ": " + e.getMessage(), e);
    }
  }
}
