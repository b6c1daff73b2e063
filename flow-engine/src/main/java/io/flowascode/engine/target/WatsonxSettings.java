package io.flowascode.engine.target;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Where, as whom and with which engine to reach IBM watsonx.data integration.
 *
 * @param apiUrl the API host, e.g. `https://api.ca-tor.dai.cloud.ibm.com` (Cloud Pak for Data: the
 *     cluster's URL)
 * @param projectId the project whose flows this target manages
 * @param auth how to authenticate
 * @param environmentId the environment new flows are bound to; empty for none (engineless), as the
 *     SDK sends `""`
 * @param engineVersion the engine version new flows declare and definitions are taken from; empty
 *     to choose as the SDK does: the environment's, else the first released one
 * @param tokenRefreshMargin how long before its expiry an IAM token is replaced
 */
public record WatsonxSettings(
    String apiUrl,
    String projectId,
    WatsonxAuth auth,
    Optional<String> environmentId,
    Optional<String> engineVersion,
    Duration tokenRefreshMargin,
    HttpOptions http,
    Clock clock) {

  /** IBM's SDK's default API URL (Dallas). */
  public static final String DEFAULT_API_URL = "https://api.dataplatform.cloud.ibm.com";
  /** IBM Cloud IAM, for an API key unless told otherwise. */
  public static final String IAM_URL = WatsonxAuth.Iam.DEFAULT_URL;

  public WatsonxSettings {
    environmentId = environmentId.filter(s -> !s.isBlank());
    engineVersion = engineVersion.filter(s -> !s.isBlank());
  }

  /** An IBM Cloud project reached with an API key at the default IAM. */
  public static WatsonxSettings of(String apiUrl, String projectId, Secret apiKey) {
    return new WatsonxSettings(apiUrl, projectId, new WatsonxAuth.Iam(apiKey, IAM_URL), Optional.empty(),
        Optional.empty(), Duration.ofSeconds(60), HttpOptions.defaults(), Clock.systemUTC());
  }

  public static WatsonxSettings of(String apiUrl, String projectId, WatsonxAuth auth) {
    return new WatsonxSettings(apiUrl, projectId, auth, Optional.empty(), Optional.empty(), Duration.ofSeconds(60),
        HttpOptions.defaults(), Clock.systemUTC());
  }

  /** The IAM URL, for an API key; other authentications are left as they are. */
  public WatsonxSettings withIamUrl(String value) {
    return auth instanceof WatsonxAuth.Iam iam ? withAuth(new WatsonxAuth.Iam(iam.apiKey(), value)) : this;
  }

  public WatsonxSettings withAuth(WatsonxAuth value) {
    return new WatsonxSettings(apiUrl, projectId, value, environmentId, engineVersion, tokenRefreshMargin, http, clock);
  }

  /**
   * These settings with an engine environment and version.
   *
   * @param environment empty for none; {@code version} empty to choose as the SDK does
   */
  public WatsonxSettings withEnvironment(String environment, String version) {
    return new WatsonxSettings(apiUrl, projectId, auth, Optional.ofNullable(environment), Optional.ofNullable(version),
        tokenRefreshMargin, http, clock);
  }

  public WatsonxSettings withTokenRefreshMargin(Duration value) {
    return new WatsonxSettings(apiUrl, projectId, auth, environmentId, engineVersion, value, http, clock);
  }

  public WatsonxSettings withHttp(HttpOptions value) {
    return new WatsonxSettings(apiUrl, projectId, auth, environmentId, engineVersion, tokenRefreshMargin, value, clock);
  }

  @Override
  public String toString() {
    return "WatsonxSettings[apiUrl=" + apiUrl + ", projectId=" + projectId + ", auth=" + auth.describe()
        + ", environmentId=" + environmentId.orElse("") + ", engineVersion=" + engineVersion.orElse("") + "]";
  }
}
