package io.flowascode.engine.apply;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.target.BasicCredentials;
import io.flowascode.engine.target.DataCollectorTarget;
import io.flowascode.engine.target.Durations;
import io.flowascode.engine.target.HttpOptions;
import io.flowascode.engine.target.LocalStoreTarget;
import io.flowascode.engine.target.Secret;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import io.flowascode.engine.target.WatsonxSettings;
import io.flowascode.engine.target.WatsonxTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which target to talk to, as a user names it (`--target local|sdc|wxdi`, a URL, a project,
 * timeouts, and credentials from settings.xml or the environment). Values stay as the user wrote
 * them until {@link #open}, so a mistake is reported naming the option. `toString` never shows a
 * secret.
 *
 * @param store the local store's directory (local target only)
 * @param timeout how long the server may stay silent (`--timeout`, `flow.timeout`, `FLOW_TIMEOUT`)
 * @param deadline how long the whole run may take (`--deadline`, `flow.deadline`, `FLOW_DEADLINE`)
 */
public record TargetSpec(
    String kind, Optional<String> url, Optional<String> project, Optional<String> user,
    Optional<Secret> password, Optional<Secret> apiKey, Path store, Optional<String> timeout, Optional<String> deadline) {

  public static final String LOCAL = "local";
  public static final String SDC = "sdc";
  public static final String WXDI = "wxdi";

  public TargetSpec(String kind, Optional<String> url, Optional<String> project, Optional<String> user,
      Optional<Secret> password, Optional<Secret> apiKey, Path store) {
    this(kind, url, project, user, password, apiKey, store, Optional.empty(), Optional.empty());
  }

  public TargetSpec withTimeouts(Optional<String> timeoutValue, Optional<String> deadlineValue) {
    return new TargetSpec(kind, url, project, user, password, apiKey, store, timeoutValue, deadlineValue);
  }

  /** Fills what was not given from FLOW_USER, FLOW_PASSWORD, FLOW_API_KEY, FLOW_TIMEOUT and FLOW_DEADLINE. */
  public TargetSpec withEnvironment(Map<String, String> env) {
    return new TargetSpec(kind, url, project,
        user.or(() -> Optional.ofNullable(env.get("FLOW_USER"))),
        password.or(() -> Optional.ofNullable(env.get("FLOW_PASSWORD")).map(Secret::of)),
        apiKey.or(() -> Optional.ofNullable(env.get("FLOW_API_KEY")).map(Secret::of)),
        store,
        timeout.or(() -> nonBlank(env.get("FLOW_TIMEOUT"))),
        deadline.or(() -> nonBlank(env.get("FLOW_DEADLINE"))));
  }

  /**
   * The HTTP options these settings ask for: the defaults with the timeout and deadline given.
   *
   * @throws IllegalArgumentException naming the option whose value is not a duration
   */
  public HttpOptions http() {
    HttpOptions options = HttpOptions.defaults();
    if (timeout.isPresent()) {
      options = options.timeout(duration(timeout.get(), "the timeout (--timeout, flow.timeout, FLOW_TIMEOUT)"));
    }
    if (deadline.isPresent()) {
      options = options.withDeadline(Optional.of(
          duration(deadline.get(), "the deadline (--deadline, flow.deadline, FLOW_DEADLINE)")));
    }
    return options;
  }

  /**
   * Opens the target.
   *
   * @throws IllegalArgumentException naming the missing or wrong option, for the user to fix
   */
  public Target open(Catalog catalog) throws TargetException {
    switch (kind.toLowerCase(Locale.ROOT)) {
      case LOCAL:
        http();
        return new LocalStoreTarget(store, catalog);
      case SDC: {
        String base = url.orElseThrow(() -> new IllegalArgumentException("the sdc target needs a URL (flow.url / --url)"));
        Optional<BasicCredentials> credentials = user.map(u -> new BasicCredentials(u, password.orElse(Secret.of(""))));
        return new DataCollectorTarget(base, credentials, http());
      }
      case WXDI: {
        String base = url.orElseThrow(() -> new IllegalArgumentException("the wxdi target needs the API URL (flow.url / --url)"));
        String id = project.orElseThrow(() -> new IllegalArgumentException("the wxdi target needs a project id (flow.project / --project)"));
        Secret key = apiKey.orElseThrow(() -> new IllegalArgumentException(
            "the wxdi target needs an API key (a settings.xml server's password, or FLOW_API_KEY)"));
        return new WatsonxTarget(WatsonxSettings.of(base, id, key).withHttp(http()));
      }
      default:
        throw new IllegalArgumentException("unknown target `" + kind + "`; use local, sdc or wxdi");
    }
  }

  private static Duration duration(String text, String what) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage());
    }
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return kind + url.map(u -> " at " + u).orElse("") + project.map(p -> " project " + p).orElse("")
        + user.map(u -> " as " + u).orElse("");
  }
}
