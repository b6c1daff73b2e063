package io.flowascode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.DefinitionsException;
import io.flowascode.compiler.catalog.PlatformDefinitionsReader;

/**
 * A catalog read from the `/rest/v1/definitions` answer a test server serves, so it normalises
 * saved pipelines with the very definitions it publishes.
 */
public final class DefinitionsCatalog {
  private DefinitionsCatalog() {}

  public static Catalog read(JsonNode definitions) {
    try {
      return PlatformDefinitionsReader.read(definitions);
    } catch (DefinitionsException e) {
      throw new IllegalArgumentException("the test server's definitions cannot be read: " + e.getMessage(), e);
    }
  }
}
