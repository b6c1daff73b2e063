package io.flowascode.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One place a project's flows deploy to, as its project file declares it: the target and how to
 * reach it, where its credentials come from, and its values for the flows' parameters. The same
 * flow files go to every environment.
 *
 * @param store the local store's directory, resolved against the project file's folder
 * @param parameters parameter values by name, in file order
 */
public record Environment(
    String name, String description, String target, Optional<String> url, Optional<String> project,
    Optional<Path> store, Optional<String> engineEnvironment, Optional<String> engineVersion, Optional<String> auth,
    Optional<String> iamUrl, Optional<String> authUrl, Optional<String> timeout, Optional<String> deadline,
    Optional<Integer> parallelism, Credentials credentials, Map<String, JsonNode> parameters) {

  public Environment {
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  /** Where in the project file this environment is (a JSON pointer), for diagnostics. */
  public String pointer() {
    return "/environments/" + name.replace("~", "~0").replace("/", "~1");
  }
}
