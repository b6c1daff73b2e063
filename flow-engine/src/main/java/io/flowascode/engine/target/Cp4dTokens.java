package io.flowascode.engine.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Bearer tokens from Cloud Pak for Data's `/icp4d-api/v1/authorize`, as IBM's SDK asks for them
 * (`ICP4DAuthenticator`: `{username, password, api_key}`, the unused one null). The answer carries
 * no expiry, so a token is kept until a server refuses it, then asked for again.
 */
final class Cp4dTokens implements Authorizer {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "icp4d-api/v1/authorize";

  private final HttpUrl url;
  private final WatsonxAuth.Cp4d auth;
  private final HttpCaller http;
  private String token;

  Cp4dTokens(HttpUrl base, WatsonxAuth.Cp4d auth, HttpCaller http) {
    String path = base.encodedPath();
    this.url = path.endsWith("/" + PATH) ? base : base.newBuilder().addPathSegments(PATH).build();
    this.auth = auth;
    this.http = http;
  }

  @Override
  public synchronized String header() throws TargetException {
    if (token == null) {
      token = authorize();
    }
    return "Bearer " + token;
  }

  @Override
  public synchronized boolean refused(String header) {
    if (header.equals("Bearer " + token)) {
      token = null;
    }
    return true;
  }

  private String describe() {
    return "Cloud Pak for Data at " + url.newBuilder().encodedPath("/").build().toString().replaceAll("/$", "");
  }

  private String authorize() throws TargetException {
    ObjectNode body = JSON.createObjectNode();
    body.put("username", auth.username());
    body.put("password", auth.password().map(Secret::reveal).orElse(null));
    body.put("api_key", auth.apiKey().map(Secret::reveal).orElse(null));
    Request request = new Request.Builder().url(url)
        .header("Content-Type", "application/json")
        .post(HttpCaller.oneShot(body.toString().getBytes(StandardCharsets.UTF_8), HttpCaller.JSON))
        .build();
    HttpResult answer;
    try {
      // Authorizing changes nothing on the server: retried like a read.
      answer = http.idempotent(request);
    } catch (IOException e) {
      throw new TargetFailureException(auth.redact(describe() + " could not be reached to authorize: "
          + HttpCaller.describe(e)), e);
    }
    String detail = RemoteError.parse(answer.body()).map(e -> " (" + e.describe() + ")").orElse("");
    if (answer.status() == 400 || answer.status() == 401 || answer.status() == 403) {
      throw new AuthenticationException(auth.redact(describe() + " refused " + auth.describe() + ", answering "
          + answer.status() + detail));
    }
    if (answer.status() != 200) {
      throw new TargetFailureException(auth.redact(describe() + " answered " + answer.status() + detail
          + " to the authorization"), answer.status(), null, null);
    }
    try {
      JsonNode token = JSON.readTree(answer.body()).path("token");
      if (!token.isTextual() || token.asText().isEmpty()) {
        throw new TargetFailureException(describe() + " answered without a token", 200, null, null);
      }
      return token.asText();
    } catch (IOException e) {
      throw new TargetFailureException(describe() + " answered with a body that is not JSON", 200, null, e);
    }
  }
}
