package io.flowascode.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.naming.StageNames;
import java.util.Optional;

/**
 * A flow as the project declares it: its id and the compiled pipeline JSON.
 *
 * @param catalog the definitions the flow was compiled with, when they are its own (a definitions
 *     file beside the flow); empty to diff with the project's catalog
 * @param compiled the flow as compiled, so that its stages can keep the instance names they have on
 *     the target ({@link StableIdentity}) and its plan speaks the file's words ({@link #names()});
 *     empty for a pipeline given as JSON
 */
public record DesiredFlow(String id, String title, String description, JsonNode pipeline, Optional<Catalog> catalog,
    Optional<CompiledFlow> compiled) {
  public DesiredFlow(String id, String title, String description, JsonNode pipeline) {
    this(id, title, description, pipeline, Optional.empty(), Optional.empty());
  }

  /** The definitions to diff this flow with: its own, else the project's. */
  public Catalog catalogOr(Catalog project) {
    return catalog.orElse(project);
  }

  /** The same flow compiled to another pipeline (its stages renamed). */
  public DesiredFlow with(JsonNode otherPipeline, CompiledFlow otherCompiled) {
    return new DesiredFlow(id, title, description, otherPipeline, catalog, Optional.of(otherCompiled));
  }

  /** The file's names for the stages and predicates of the pipeline, so its plan speaks the file's words. */
  public StageNames names() {
    return compiled.map(StageNames::of).orElse(StageNames.NONE);
  }
}
