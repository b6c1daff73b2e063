package io.flowascode.engine.project;

import io.flowascode.engine.apply.TargetSpec;
import io.flowascode.engine.apply.WatsonxOptions;
import io.flowascode.engine.target.Secret;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where plan and apply go, as far as something said so: the options given to a door, or an
 * environment of the project file. Layered (options over the environment, the environment over the
 * defaults) into the {@link TargetSpec} that opens the target, so both doors pick values the same
 * way: what the user typed wins, then the environment, then FLOW_* variables and the defaults.
 */
public record TargetOptions(
    Optional<String> kind, Optional<String> url, Optional<String> project, Optional<String> user,
    Optional<Secret> password, Optional<Secret> apiKey, Optional<Secret> token, Optional<Path> store,
    Optional<String> timeout, Optional<String> deadline, Optional<Integer> parallelism,
    Optional<String> engineEnvironment, Optional<String> engineVersion, Optional<String> auth,
    Optional<String> iamUrl, Optional<String> authUrl) {

  public static final TargetOptions NONE = new TargetOptions(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());

  /** The default number of requests in flight at once. */
  public static final int DEFAULT_PARALLELISM = 4;

  /**
   * An environment's options, its credentials read through {@code secrets}.
   *
   * @throws IllegalArgumentException when a credential it refers to is not there (an unset
   *     variable), naming the environment, the credential and its source
   */
  public static TargetOptions of(Environment env, CredentialSource secrets) {
    Credentials c = env.credentials();
    return new TargetOptions(Optional.of(env.target()), env.url(), env.project(),
        c.user().map(ref -> read(env, "user", ref, secrets).reveal()),
        c.password().map(ref -> read(env, "password", ref, secrets)),
        c.apiKey().map(ref -> read(env, "api_key", ref, secrets)),
        c.token().map(ref -> read(env, "token", ref, secrets)),
        env.store(), env.timeout(), env.deadline(), env.parallelism(), env.engineEnvironment(), env.engineVersion(),
        env.auth(), env.iamUrl(), env.authUrl());
  }

  private static Secret read(Environment env, String what, SecretRef ref, CredentialSource secrets) {
    return secrets.resolve(ref).orElseThrow(() -> new IllegalArgumentException("environment `" + env.name()
        + "` reads its credentials." + what + " from " + ref.describe() + ", which is not set: set it, or change "
        + "`credentials` in the project file"));
  }

  /** These options, with what they leave unset taken from {@code base}. */
  public TargetOptions over(TargetOptions base) {
    return new TargetOptions(kind.or(base::kind), url.or(base::url), project.or(base::project), user.or(base::user),
        password.or(base::password), apiKey.or(base::apiKey), token.or(base::token), store.or(base::store),
        timeout.or(base::timeout), deadline.or(base::deadline), parallelism.or(base::parallelism),
        engineEnvironment.or(base::engineEnvironment), engineVersion.or(base::engineVersion), auth.or(base::auth),
        iamUrl.or(base::iamUrl), authUrl.or(base::authUrl));
  }

  /**
   * The target these options name; what none of them says comes from FLOW_USER, FLOW_PASSWORD,
   * FLOW_API_KEY, FLOW_TOKEN, FLOW_TIMEOUT and FLOW_DEADLINE in {@code variables}, then the
   * defaults (the local target, {@code defaultStore}).
   */
  public TargetSpec toSpec(Path defaultStore, Map<String, String> variables) {
    return new TargetSpec(kind.orElse(TargetSpec.LOCAL), url, project, user, password, apiKey, store.orElse(defaultStore))
        .withToken(token)
        .withTimeouts(timeout, deadline)
        .withWatsonx(new WatsonxOptions(engineEnvironment, engineVersion, iamUrl, auth, authUrl))
        .withEnvironment(variables);
  }

  public int parallelismOrDefault() {
    return parallelism.orElse(DEFAULT_PARALLELISM);
  }

  /** From values that may be null or blank (options not given). */
  public static Optional<String> given(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
