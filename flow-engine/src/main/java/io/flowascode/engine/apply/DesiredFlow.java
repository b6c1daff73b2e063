package io.flowascode.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import java.util.Optional;

/**
 * A flow as the project declares it: its id and the compiled pipeline JSON.
 *
 * @param catalog the definitions the flow was compiled with, when they are its own (a definitions
 *     file beside the flow); empty to diff with the project's catalog
 */
public record DesiredFlow(String id, String title, String description, JsonNode pipeline, Optional<Catalog> catalog) {
  public DesiredFlow(String id, String title, String description, JsonNode pipeline) {
    this(id, title, description, pipeline, Optional.empty());
  }

  /** The definitions to diff this flow with: its own, else the project's. */
  public Catalog catalogOr(Catalog project) {
    return catalog.orElse(project);
  }
}
