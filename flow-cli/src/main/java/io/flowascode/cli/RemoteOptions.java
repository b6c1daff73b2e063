package io.flowascode.cli;

import io.flowascode.engine.apply.TargetSpec;
import io.flowascode.engine.apply.WatsonxOptions;
import io.flowascode.engine.target.LocalStoreTarget;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where plan and apply talk to. Secrets never come from the command line (they would end up in
 * shell history and process lists): FLOW_PASSWORD, FLOW_API_KEY and FLOW_TOKEN in the environment.
 */
final class RemoteOptions {
  @Option(names = "--target", defaultValue = "local", paramLabel = "KIND",
      description = "local (the default: a directory store, no server), sdc (Data Collector) or wxdi (IBM watsonx.data integration).")
  String target;

  @Option(names = "--url", paramLabel = "URL", description = "The Data Collector URL, or the watsonx API URL.")
  String url;

  @Option(names = "--project", paramLabel = "ID", description = "The watsonx project id.")
  String project;

  @Option(names = "--user", paramLabel = "NAME",
      description = "The Data Collector user, or the Cloud Pak for Data user for --auth zen|cp4d (default: FLOW_USER); the password comes from FLOW_PASSWORD.")
  String user;

  @Option(names = "--environment", paramLabel = "ID",
      description = "wxdi: the environment new flows are bound to (default: none, as IBM's SDK sends when given none).")
  String environment;

  @Option(names = "--engine-version", paramLabel = "VERSION",
      description = "wxdi: the engine version flows declare and stage definitions come from (default: the environment's, else the first released one).")
  String engineVersion;

  @Option(names = "--auth", paramLabel = "MODE",
      description = "wxdi: iam (an API key from FLOW_API_KEY, the default), bearer (FLOW_TOKEN), zen (--user and FLOW_API_KEY) or cp4d (--user and FLOW_PASSWORD or FLOW_API_KEY).")
  String auth;

  @Option(names = "--iam-url", paramLabel = "URL", description = "wxdi: IBM Cloud IAM (default: https://iam.cloud.ibm.com).")
  String iamUrl;

  @Option(names = "--auth-url", paramLabel = "URL", description = "wxdi --auth cp4d: the Cloud Pak for Data URL (default: --url).")
  String authUrl;

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

  TargetSpec spec(Map<String, String> variables) {
    return new TargetSpec(target, Optional.ofNullable(url), Optional.ofNullable(project), Optional.ofNullable(user),
        Optional.empty(), Optional.empty(), store)
        .withTimeouts(Optional.ofNullable(timeout), Optional.ofNullable(deadline))
        .withWatsonx(WatsonxOptions.of(environment, engineVersion, iamUrl, auth, authUrl))
        .withEnvironment(variables);
  }
}
