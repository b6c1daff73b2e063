package io.flowascode.compiler.catalog;

import java.util.List;

/**
 * A service definition: the interface it provides, its version, and its configs.
 *
 * @param className the class implementing it, which names the service in the issues the engine
 *     raises while creating it; empty when the definitions did not say
 */
public record ServiceDefinition(String provides, int version, String label, List<ConfigDefinition> configs, String className) {
  public ServiceDefinition {
    configs = List.copyOf(configs);
    className = className == null ? "" : className;
  }

  public ServiceDefinition(String provides, int version, String label, List<ConfigDefinition> configs) {
    this(provides, version, label, configs, "");
  }
}
