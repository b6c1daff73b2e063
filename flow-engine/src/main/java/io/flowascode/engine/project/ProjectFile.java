package io.flowascode.engine.project;

import io.flowascode.diagnostic.Suggestions;
import io.flowascode.yaml.SourceTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project as `flow-project.yaml` declares it: where its flows are, its definitions lock, and the
 * environments the same flows deploy to. Paths are resolved against the file's folder.
 *
 * @param file the project file as named (relative paths stay relative)
 * @param flows the folders of `*.flow.yaml` files
 * @param environments by name, in file order
 * @param source the file read, for positions in diagnostics about it
 */
public record ProjectFile(
    Path file, Optional<String> name, List<Path> flows, Path lock, Optional<String> defaultEnvironment,
    Map<String, Environment> environments, SourceTree source) {

  /** The project file's usual name, looked for in the working directory and its parents. */
  public static final String FILE_NAME = "flow-project.yaml";

  public ProjectFile {
    flows = List.copyOf(flows);
    environments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environments));
  }

  /** The folder holding the project file; its paths are relative to it. */
  public Path directory() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("") : parent;
  }

  /**
   * The environment a run uses: the one named, else the project's default, else none.
   *
   * @throws IllegalArgumentException naming the environments there are, and the closest one
   */
  public Optional<Environment> environment(Optional<String> requested) {
    Optional<String> wanted = requested.filter(r -> !r.isBlank()).or(() -> defaultEnvironment);
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    Environment env = environments.get(wanted.get());
    if (env == null) {
      String hint = Suggestions.didYouMean(wanted.get(), environments.keySet()).map(h -> "; " + h).orElse("");
      String known = environments.isEmpty() ? "it declares none" : "its environments are " + String.join(", ", environments.keySet());
      throw new IllegalArgumentException("no environment `" + wanted.get() + "` in " + file + hint + " (" + known + ")");
    }
    return Optional.of(env);
  }
}
