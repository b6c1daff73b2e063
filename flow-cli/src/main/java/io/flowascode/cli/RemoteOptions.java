package io.flowascode.cli;

import io.flowascode.engine.apply.TargetSpec;
import io.flowascode.engine.target.LocalStoreTarget;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where plan and apply talk to. Secrets never come from the command line (they would end up in
 * shell history and process lists): FLOW_PASSWORD and FLOW_API_KEY in the environment.
 */
final class RemoteOptions {
  @Option(names = "--target", defaultValue = "local", paramLabel = "KIND",
      description = "local (the default: a directory store, no server), sdc (Data Collector) or wxdi (IBM watsonx.data integration).")
  String target;

  @Option(names = "--url", paramLabel = "URL", description = "The Data Collector URL, or the watsonx API URL.")
  String url;

  @Option(names = "--project", paramLabel = "ID", description = "The watsonx project id.")
  String project;

  @Option(names = "--user", paramLabel = "NAME", description = "The Data Collector user (default: FLOW_USER); the password comes from FLOW_PASSWORD.")
  String user;

  @Option(names = "--store", paramLabel = "DIR", defaultValue = LocalStoreTarget.DEFAULT_DIRECTORY,
      description = "The local store's directory (default: ${DEFAULT-VALUE}).")
  Path store;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4", description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "How long the server may stay silent before a request counts as unanswered, e.g. 10s (default: 10s, or FLOW_TIMEOUT).")
  String timeout;

  @Option(names = "--deadline", paramLabel = "DURATION",
      description = "How long the whole run may take, e.g. 5m (default: 10m, or FLOW_DEADLINE).")
  String deadline;

  TargetSpec spec(Map<String, String> environment) {
    return new TargetSpec(target, Optional.ofNullable(url), Optional.ofNullable(project), Optional.ofNullable(user),
        Optional.empty(), Optional.empty(), store)
        .withTimeouts(Optional.ofNullable(timeout), Optional.ofNullable(deadline))
        .withEnvironment(environment);
  }
}
