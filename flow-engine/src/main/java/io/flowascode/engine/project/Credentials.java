package io.flowascode.engine.project;

import java.util.Optional;

/**
 * Where an environment's credentials come from.
 *
 * @param server a settings.xml server id (read by the Maven plugin only)
 * @param user the user (Data Collector, Cloud Pak for Data, Zen)
 * @param password the Data Collector or Cloud Pak for Data password
 * @param apiKey the watsonx API key (IAM), Zen or Cloud Pak for Data API key
 * @param token a watsonx bearer token
 */
public record Credentials(Optional<String> server, Optional<SecretRef> user, Optional<SecretRef> password,
    Optional<SecretRef> apiKey, Optional<SecretRef> token) {
  public static final Credentials NONE = new Credentials(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty());
}
