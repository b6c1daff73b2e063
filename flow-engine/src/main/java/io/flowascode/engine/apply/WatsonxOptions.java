package io.flowascode.engine.apply;

import java.util.Optional;

/**
 * The watsonx target's own options, as a user names them.
 *
 * @param environment the environment new flows are bound to (`--environment`, `flow.environment`)
 * @param engineVersion the engine version (`--engine-version`, `flow.engineVersion`); by default the
 *     environment's, else the first released one, as IBM's SDK chooses
 * @param iamUrl IBM Cloud IAM (`--iam-url`, `flow.iamUrl`), `https://iam.cloud.ibm.com` by default
 * @param auth `iam` (the default), `bearer`, `zen` or `cp4d` (`--auth`, `flow.auth`)
 * @param authUrl Cloud Pak for Data's URL for `cp4d` (`--auth-url`, `flow.authUrl`); the API URL by default
 */
public record WatsonxOptions(
    Optional<String> environment, Optional<String> engineVersion, Optional<String> iamUrl, Optional<String> auth,
    Optional<String> authUrl) {

  public static WatsonxOptions none() {
    return new WatsonxOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** From values that may be null (unset options). */
  public static WatsonxOptions of(String environment, String engineVersion, String iamUrl, String auth, String authUrl) {
    return new WatsonxOptions(given(environment), given(engineVersion), given(iamUrl), given(auth), given(authUrl));
  }

  private static Optional<String> given(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
