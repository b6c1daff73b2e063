package io.flowascode.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** The same as flow:plan, under the name some users reach for first. */
@Mojo(name = "diff", threadSafe = true, requiresProject = true)
public class DiffMojo extends PlanMojo {
  @Override
  String goal() {
    return "diff";
  }
}
