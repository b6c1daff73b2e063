package io.flowascode.engine.target;

import java.time.Clock;
import java.time.Duration;

/**
 * Where and as whom to reach IBM watsonx.data integration.
 *
 * @param apiUrl the regional API host, e.g. `https://api.ca-tor.dai.cloud.ibm.com`
 * @param iamUrl IBM Cloud IAM, `https://iam.cloud.ibm.com` unless testing
 * @param projectId the project whose flows this target manages
 * @param environmentId the engine environment new flows are bound to; empty for none
 * @param engineVersion the engine version new flows declare; empty to let the platform choose
 * @param tokenRefreshMargin how long before its expiry a token is replaced
 */
public record WatsonxSettings(
    String apiUrl,
    String iamUrl,
    String projectId,
    Secret apiKey,
    String environmentId,
    String engineVersion,
    Duration tokenRefreshMargin,
    HttpOptions http,
    Clock clock) {

  public static final String IAM_URL = "https://iam.cloud.ibm.com";

  public static WatsonxSettings of(String apiUrl, String projectId, Secret apiKey) {
    return new WatsonxSettings(
        apiUrl, IAM_URL, projectId, apiKey, "", "", Duration.ofSeconds(60), HttpOptions.defaults(), Clock.systemUTC());
  }

  public WatsonxSettings withIamUrl(String value) {
    return new WatsonxSettings(apiUrl, value, projectId, apiKey, environmentId, engineVersion, tokenRefreshMargin, http, clock);
  }

  public WatsonxSettings withEnvironment(String environment, String version) {
    return new WatsonxSettings(apiUrl, iamUrl, projectId, apiKey, environment, version, tokenRefreshMargin, http, clock);
  }

  public WatsonxSettings withTokenRefreshMargin(Duration value) {
    return new WatsonxSettings(apiUrl, iamUrl, projectId, apiKey, environmentId, engineVersion, value, http, clock);
  }

  public WatsonxSettings withHttp(HttpOptions value) {
    return new WatsonxSettings(apiUrl, iamUrl, projectId, apiKey, environmentId, engineVersion, tokenRefreshMargin, value, clock);
  }

  @Override
  public String toString() {
    return "WatsonxSettings[apiUrl=" + apiUrl + ", iamUrl=" + iamUrl + ", projectId=" + projectId + ", apiKey="
        + apiKey + ", environmentId=" + environmentId + ", engineVersion=" + engineVersion + "]";
  }
}
