package io.flowascode.engine.apply;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.engine.target.BasicCredentials;
import io.flowascode.engine.target.DataCollectorTarget;
import io.flowascode.engine.target.Durations;
import io.flowascode.engine.target.HttpOptions;
import io.flowascode.engine.target.LocalStoreTarget;
import io.flowascode.engine.target.Secret;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import io.flowascode.engine.target.WatsonxAuth;
import io.flowascode.engine.target.WatsonxSettings;
import io.flowascode.engine.target.WatsonxTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which target to talk to, as a user names it (`--target local|sdc|wxdi`, a URL, a project,
 * timeouts, watsonx's engine and authentication, and credentials from settings.xml or the
 * environment). Values stay as the user wrote them until {@link #open}, so a mistake is reported
 * naming the option. `toString` never shows a secret.
 *
 * @param password the Data Collector password, or the Cloud Pak for Data password
 * @param apiKey the watsonx API key (IAM), Zen API key, or Cloud Pak for Data API key
 * @param token a watsonx bearer token (`--auth bearer`)
 * @param store the local store's directory (local target only)
 * @param timeout how long the server may stay silent (`--timeout`, `flow.timeout`, `FLOW_TIMEOUT`)
 * @param deadline how long the whole run may take (`--deadline`, `flow.deadline`, `FLOW_DEADLINE`)
 */
public record TargetSpec(
    String kind, Optional<String> url, Optional<String> project, Optional<String> user,
    Optional<Secret> password, Optional<Secret> apiKey, Optional<Secret> token, Path store, Optional<String> timeout,
    Optional<String> deadline, WatsonxOptions watsonx) {

  public static final String LOCAL = "local";
  public static final String SDC = "sdc";
  public static final String WXDI = "wxdi";

  public TargetSpec(String kind, Optional<String> url, Optional<String> project, Optional<String> user,
      Optional<Secret> password, Optional<Secret> apiKey, Path store) {
    this(kind, url, project, user, password, apiKey, Optional.empty(), store, Optional.empty(), Optional.empty(),
        WatsonxOptions.none());
  }

  public TargetSpec withTimeouts(Optional<String> timeoutValue, Optional<String> deadlineValue) {
    return new TargetSpec(kind, url, project, user, password, apiKey, token, store, timeoutValue, deadlineValue, watsonx);
  }

  public TargetSpec withWatsonx(WatsonxOptions value) {
    return new TargetSpec(kind, url, project, user, password, apiKey, token, store, timeout, deadline, value);
  }

  public TargetSpec withToken(Optional<Secret> value) {
    return new TargetSpec(kind, url, project, user, password, apiKey, value, store, timeout, deadline, watsonx);
  }

  /**
   * Fills what was not given from FLOW_USER, FLOW_PASSWORD, FLOW_API_KEY, FLOW_TOKEN, FLOW_TIMEOUT
   * and FLOW_DEADLINE.
   */
  public TargetSpec withEnvironment(Map<String, String> env) {
    return new TargetSpec(kind, url, project,
        user.or(() -> nonBlank(env.get("FLOW_USER"))),
        password.or(() -> Optional.ofNullable(env.get("FLOW_PASSWORD")).map(Secret::of)),
        apiKey.or(() -> Optional.ofNullable(env.get("FLOW_API_KEY")).map(Secret::of)),
        token.or(() -> Optional.ofNullable(env.get("FLOW_TOKEN")).map(Secret::of)),
        store,
        timeout.or(() -> nonBlank(env.get("FLOW_TIMEOUT"))),
        deadline.or(() -> nonBlank(env.get("FLOW_DEADLINE"))),
        watsonx);
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
      case WXDI:
        return new WatsonxTarget(watsonxSettings());
      default:
        throw new IllegalArgumentException("unknown target `" + kind + "`; use local, sdc or wxdi");
    }
  }

  /**
   * For a target whose definitions are named by an engine version (watsonx), takes the lock from it
   * when the project has none yet, so the project compiles against that version's stages; the
   * message to show when it did.
   */
  public Optional<String> ensureDefinitionsLock(Path lockFile)
      throws TargetException, DefinitionsException, IOException {
    if (!WXDI.equalsIgnoreCase(kind)) {
      return Optional.empty();
    }
    try (Target target = new WatsonxTarget(watsonxSettings())) {
      return DefinitionsLock.ensure(lockFile, target);
    }
  }

  private WatsonxSettings watsonxSettings() throws TargetException {
    String base = url.orElseThrow(() -> new IllegalArgumentException("the wxdi target needs the API URL (flow.url / --url)"));
    String id = project.orElseThrow(() -> new IllegalArgumentException(
        "the wxdi target needs a project id (flow.project / --project)"));
    WatsonxSettings settings = WatsonxSettings.of(base, id, watsonxAuth(base)).withHttp(http())
        .withEnvironment(watsonx.environment().orElse(null), watsonx.engineVersion().orElse(null));
    return settings;
  }

  private WatsonxAuth watsonxAuth(String apiUrl) {
    String mode = watsonx.auth().orElse("iam").toLowerCase(Locale.ROOT);
    switch (mode) {
      case "iam":
        return new WatsonxAuth.Iam(apiKey.orElseThrow(() -> new IllegalArgumentException(
            "the wxdi target needs an API key (a settings.xml server's password, or FLOW_API_KEY)")),
            watsonx.iamUrl().orElse(WatsonxAuth.Iam.DEFAULT_URL));
      case "bearer":
        return new WatsonxAuth.Bearer(token.or(() -> password).orElseThrow(() -> new IllegalArgumentException(
            "--auth bearer needs a token (FLOW_TOKEN, or a settings.xml server's password)")));
      case "zen":
        return new WatsonxAuth.ZenApiKey(
            user.orElseThrow(() -> new IllegalArgumentException("--auth zen needs a user (--user, FLOW_USER, or a settings.xml server's username)")),
            apiKey.or(() -> password).orElseThrow(() -> new IllegalArgumentException(
                "--auth zen needs a Zen API key (FLOW_API_KEY, or a settings.xml server's password)")));
      case "cp4d": {
        String who = user.orElseThrow(() -> new IllegalArgumentException(
            "--auth cp4d needs a user (--user, FLOW_USER, or a settings.xml server's username)"));
        if (password.isEmpty() && apiKey.isEmpty()) {
          throw new IllegalArgumentException("--auth cp4d needs a password (FLOW_PASSWORD, or a settings.xml server's "
              + "password) or an API key (FLOW_API_KEY)");
        }
        return new WatsonxAuth.Cp4d(watsonx.authUrl().orElse(apiUrl), who, password,
            password.isPresent() ? Optional.empty() : apiKey);
      }
      default:
        throw new IllegalArgumentException("unknown authentication `" + mode + "` (--auth, flow.auth); use iam, bearer, zen or cp4d");
    }
  }

  private static Duration duration(String text, String what) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
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
