package io.flowascode.engine.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Bearer tokens from Cloud Pak for Data's `/icp4d-api/v1/authorize`, as IBM's SDK asks for them
 * (`ICP4DAuthenticator`: `{username, password, api_key}`, the unused one null). The answer carries
 * no expiry, so a token is kept until a server refuses it, then asked for again.
 */
final class Cp4dTokens extends RenewedBearerTokens {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "icp4d-api/v1/authorize";

  private final HttpUrl url;
  private final WatsonxAuth.Cp4d auth;
  private final HttpCaller http;

  Cp4dTokens(HttpUrl base, WatsonxAuth.Cp4d auth, HttpCaller http) {
    String path = base.encodedPath();
    this.url = path.endsWith("/" + PATH) ? base : base.newBuilder().addPathSegments(PATH).build();
    this.auth = auth;
    this.http = http;
  }

  private String describe() {
    return "Cloud Pak for Data at " + url.newBuilder().encodedPath("/").build().toString().replaceAll("/$", "");
  }

  @Override
  String fetch() throws TargetException {
    ObjectNode body = JSON.createObjectNode();
    body.put("username", auth.username());
    body.put("password", auth.password().map(Secret::reveal).orElse(null));
    body.put("api_key", auth.apiKey().map(Secret::reveal).orElse(null));
    Request request = new Request.Builder().url(url)
        .header("Content-Type", "application/json")
        .post(HttpCaller.oneShot(body.toString().getBytes(StandardCharsets.UTF_8), HttpCaller.JSON))
        .build();
    TokenExchange exchange = new TokenExchange(http, describe(), auth.describe(), auth::redact);
    return exchange.token(exchange.send(request), "token");
  }
}
