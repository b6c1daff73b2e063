package io.flowascode.engine.project;

import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.source.SourceLoader;
import io.flowascode.yaml.YamlLimits;
import io.flowascode.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flow ids a project's files declare, read without compiling (for listing what a target holds
 * beside what the project has); a file that cannot be read declares nothing here, and says so
 * when it is validated.
 */
public final class DeclaredFlows {
  private DeclaredFlows() {}

  public static Set<String> ids(List<Path> sources) throws IOException {
    Set<String> ids = new TreeSet<>();
    for (Path file : FlowSources.expand(sources)) {
      Diagnostics ignored = new Diagnostics();
      new SourceLoader(YamlLimits.DEFAULT.maxFileBytes()).load(file, file.toString(), ignored)
          .flatMap(source -> new YamlTreeReader().read(source, ignored))
          .map(tree -> tree.root().path("flow").path("id"))
          .filter(id -> id.isTextual())
          .ifPresent(id -> ids.add(id.asText()));
    }
    return ids;
  }
}
