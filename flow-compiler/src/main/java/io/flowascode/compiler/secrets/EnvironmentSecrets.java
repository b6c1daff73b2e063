package io.flowascode.compiler.secrets;

import java.util.Map;
import java.util.Optional;

/** Secrets from environment variables: `NAME` from {@value #PREFIX}`NAME`, as CI systems inject them. */
public final class EnvironmentSecrets implements SecretSource {
  public static final String PREFIX = "FLOW_SECRET_";

  private final Map<String, String> environment;

  /** @param environment the process environment (passed in, so tests and embedders choose it) */
  public EnvironmentSecrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Optional<String> value(String name) {
    return Optional.ofNullable(environment.get(PREFIX + name));
  }

  @Override
  public String describe(String name) {
    return "the environment variable " + PREFIX + name;
  }
}
