package io.flowascode.compiler.config;

import io.flowascode.compiler.catalog.ConfigDefinition;
import java.util.Optional;

/** Where a config value goes: the stage's own configuration, or one of its services'. */
public record ConfigTarget(Optional<String> service, ConfigDefinition definition) {
  public String key() {
    return service.map(s -> s + "#").orElse("") + definition.name();
  }
}
