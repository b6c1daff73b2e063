package io.flowascode.compiler.catalog;

import java.nio.file.Path;

/**
 * The definitions file beside a flow file (`orders.flow.yaml` and `orders.definitions.json`):
 * stage definitions that flow alone needs on top of the project's catalog, laid over it whenever
 * the flow is compiled, by every command and the Maven plugin, with no flag. `flow import` writes
 * one when a pipeline uses stages or versions the catalog does not describe, so an imported flow
 * validates as it is written.
 */
public final class SidecarDefinitions {
  /** What replaces `.flow.yaml` (or `.flow.yml`) in the flow file's name. */
  public static final String SUFFIX = ".definitions.json";

  private SidecarDefinitions() {}

  /** The definitions file that belongs to a flow file (whether or not it exists). */
  public static Path of(Path flowFile) {
    Path name = flowFile.getFileName();
    return flowFile.resolveSibling(nameFor(name == null ? "" : name.toString()));
  }

  /** `dir/orders.flow.yaml` → `dir/orders.definitions.json`; other names get the suffix added. */
  public static String nameFor(String flowFileName) {
    for (String ending : new String[] {".flow.yaml", ".flow.yml"}) {
      if (flowFileName.endsWith(ending)) {
        return flowFileName.substring(0, flowFileName.length() - ending.length()) + SUFFIX;
      }
    }
    return flowFileName + SUFFIX;
  }
}
