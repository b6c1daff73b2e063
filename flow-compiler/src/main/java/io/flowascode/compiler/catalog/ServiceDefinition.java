package io.flowascode.compiler.catalog;

import java.util.List;

/** A service definition: the interface it provides, its version, and its configs. */
public record ServiceDefinition(String provides, int version, String label, List<ConfigDefinition> configs) {
  public ServiceDefinition {
    configs = List.copyOf(configs);
  }
}
