package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A service a stage uses (e.g. a data format parser) and the defaults the stage sets for it. */
public record ServiceUse(String service, Map<String, JsonNode> configuration) {
  public ServiceUse {
    configuration = Map.copyOf(configuration);
  }
}
