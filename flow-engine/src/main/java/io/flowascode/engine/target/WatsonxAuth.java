package io.flowascode.engine.target;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * How to authenticate to watsonx.data integration: the four ways IBM's SDK 1.0.0 offers
 * (`common/auth.py`). Printing one never shows a secret; {@link #redact} masks them all in a text.
 */
public sealed interface WatsonxAuth {
  /** IBM Cloud: an API key exchanged at IAM (`{iamUrl}/identity/token`) for expiring bearer tokens. */
  record Iam(Secret apiKey, String iamUrl) implements WatsonxAuth {
    public static final String DEFAULT_URL = "https://iam.cloud.ibm.com";

    @Override
    public List<Secret> secrets() {
      return List.of(apiKey);
    }

    @Override
    public String describe() {
      return "an IBM Cloud API key (IAM at " + iamUrl + ")";
    }
  }

  /** A bearer token obtained elsewhere, sent as is; it cannot be renewed. */
  record Bearer(Secret token) implements WatsonxAuth {
    @Override
    public List<Secret> secrets() {
      return List.of(token);
    }

    @Override
    public String describe() {
      return "a bearer token";
    }
  }

  /** Cloud Pak for Data: `Authorization: ZenApiKey base64(user:key)` on every call. */
  record ZenApiKey(String username, Secret key) implements WatsonxAuth {
    @Override
    public List<Secret> secrets() {
      return List.of(key, Secret.of(encoded()));
    }

    String header() {
      return "ZenApiKey " + encoded();
    }

    private String encoded() {
      return Base64.getEncoder().encodeToString((username + ":" + key.reveal()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String describe() {
      return "a Zen API key for user " + username;
    }
  }

  /**
   * Cloud Pak for Data: a user and a password or an API key exchanged at
   * `{url}/icp4d-api/v1/authorize` for a bearer token.
   */
  record Cp4d(String url, String username, Optional<Secret> password, Optional<Secret> apiKey) implements WatsonxAuth {
    public Cp4d {
      if (password.isPresent() == apiKey.isPresent()) {
        throw new IllegalArgumentException("Cloud Pak for Data takes a password or an API key, exactly one");
      }
    }

    @Override
    public List<Secret> secrets() {
      return password.or(() -> apiKey).stream().toList();
    }

    @Override
    public String describe() {
      return "Cloud Pak for Data user " + username + " (at " + url + ")";
    }
  }

  List<Secret> secrets();

  /** What it is, for messages: never the secret. */
  String describe();

  /** `text` with every secret of this authentication masked. */
  default String redact(String text) {
    String result = text;
    for (Secret secret : secrets()) {
      result = secret.redactFrom(result);
    }
    return result;
  }
}
