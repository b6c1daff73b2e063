package io.flowascode.maven;

import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.engine.apply.DefinitionsLock;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** Writes the target engine's stage definitions to the lock file (flow.lockFile) for the project to commit. */
@Mojo(name = "definitions", threadSafe = true, requiresProject = true)
public class DefinitionsMojo extends AbstractRemoteMojo {
  @Override
  String goal() {
    return "definitions";
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    try (Target t = open(BundledCatalog.load())) {
      DefinitionsLock.write(lock(), DefinitionsLock.fetch(t));
      getLog().info("Wrote the stage definitions of " + t.describe() + " to " + lock());
    } catch (TargetException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (DefinitionsException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + lock() + ": " + e.getMessage(), e);
    }
  }
}
