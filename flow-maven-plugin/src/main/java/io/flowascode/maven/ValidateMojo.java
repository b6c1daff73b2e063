package io.flowascode.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Checks every flow file: schema, stages, configuration and the platform's rules. Writes nothing. */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = true)
public class ValidateMojo extends AbstractFlowMojo {
  @Override
  String goal() {
    return "validate";
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    compileAll();
  }
}
