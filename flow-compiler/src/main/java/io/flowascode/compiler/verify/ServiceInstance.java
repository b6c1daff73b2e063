package io.flowascode.compiler.verify;

import java.util.List;

/**
 * A service as a stage in pipeline JSON configures it: {@code {service, serviceVersion, configuration}}.
 *
 * @param version the {@code serviceVersion}, or -1 when the JSON has none
 */
record ServiceInstance(String service, int version, List<ConfigEntry> configuration) {
  ServiceInstance {
    configuration = List.copyOf(configuration);
  }
}
