package io.flowascode.engine.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Bearer tokens from IBM Cloud IAM for an API key (NOTES §5.1): exchanged on first use, kept until
 * shortly before their `expiration`, and replaced early when a server says the current one is no
 * longer valid. The exchange changes nothing on the server, so it is retried like a read.
 */
final class IamTokens extends RenewedBearerTokens {
  private static final String GRANT_TYPE = "urn:ibm:params:oauth:grant-type:apikey";

  private final HttpUrl tokenUrl;
  private final Secret apiKey;
  private final HttpCaller http;
  private final Duration margin;
  private final Clock clock;
  private Instant expiry = Instant.MIN;

  IamTokens(HttpUrl iamUrl, Secret apiKey, HttpCaller http, Duration margin, Clock clock) {
    this.tokenUrl = iamUrl.newBuilder().addPathSegments("identity/token").build();
    this.apiKey = apiKey;
    this.http = http;
    this.margin = margin;
    this.clock = clock;
  }

  @Override
  boolean expired() {
    return !clock.instant().isBefore(expiry.minus(margin));
  }

  String describe() {
    return "IBM Cloud IAM at " + tokenUrl.newBuilder().encodedPath("/").build().toString().replaceAll("/$", "");
  }

  @Override
  String fetch() throws TargetException {
    Request request = new Request.Builder()
        .url(tokenUrl)
        .header("Accept", "application/json")
        .post(new FormBody.Builder().add("grant_type", GRANT_TYPE).add("apikey", apiKey.reveal()).build())
        .build();
    TokenExchange exchange = new TokenExchange(http, describe(), "the API key", apiKey::redactFrom);
    JsonNode body = exchange.send(request);
    String accessToken = exchange.token(body, "access_token");
    // `expiration` is absolute epoch seconds; `expires_in` the lifetime, for answers without it.
    expiry = body.has("expiration")
        ? Instant.ofEpochSecond(body.get("expiration").asLong())
        : clock.instant().plusSeconds(body.path("expires_in").asLong(0));
    return accessToken;
  }
}
