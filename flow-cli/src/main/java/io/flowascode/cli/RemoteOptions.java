package io.flowascode.cli;

import io.flowascode.engine.project.TargetOptions;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where plan and apply talk to, as typed; what is not typed comes from the project's environment
 * (--env), then FLOW_* variables and the defaults. Secrets never come from the command line (they
 * would end up in shell history and process lists): FLOW_PASSWORD, FLOW_API_KEY and FLOW_TOKEN in
 * the environment, or the project file's references.
 */
final class RemoteOptions {
  @Option(names = "--target", paramLabel = "KIND",
      description = "local (a directory store, no server; the default), sdc (Data Collector) or wxdi (IBM watsonx.data integration).")
  String target;

  @Option(names = "--url", paramLabel = "URL", description = "The Data Collector URL, or the watsonx API URL.")
  String url;

  @Option(names = "--project", paramLabel = "ID", description = "The watsonx project id.")
  String project;

  @Option(names = "--user", paramLabel = "NAME",
      description = "The Data Collector user, or the Cloud Pak for Data user for --auth zen|cp4d (default: FLOW_USER); the password comes from FLOW_PASSWORD.")
  String user;

  @Option(names = "--engine-environment", paramLabel = "ID",
      description = "wxdi: the environment new flows are bound to (default: none, as IBM's SDK sends when given none).")
  String engineEnvironment;

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

  @Option(names = "--store", paramLabel = "DIR",
      description = "The local store's directory (default: the environment's, else .flow-store).")
  Path store;

  @Option(names = "--parallelism", paramLabel = "N", description = "Requests in flight at once (default: 4).")
  Integer parallelism;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "How long the server may stay silent before a request counts as unanswered, e.g. 10s (default: 10s, or FLOW_TIMEOUT).")
  String timeout;

  @Option(names = "--deadline", paramLabel = "DURATION",
      description = "How long the whole run may take, e.g. 5m (default: 10m, or FLOW_DEADLINE).")
  String deadline;

  /** The options as typed, relative paths against -C. */
  TargetOptions typed(Session session) {
    return new TargetOptions(TargetOptions.given(target), TargetOptions.given(url), TargetOptions.given(project),
        TargetOptions.given(user), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.ofNullable(store).map(session::resolve), TargetOptions.given(timeout), TargetOptions.given(deadline),
        Optional.ofNullable(parallelism), TargetOptions.given(engineEnvironment), TargetOptions.given(engineVersion),
        TargetOptions.given(auth), TargetOptions.given(iamUrl), TargetOptions.given(authUrl));
  }
}
