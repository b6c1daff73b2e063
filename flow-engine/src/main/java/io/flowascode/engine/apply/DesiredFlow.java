package io.flowascode.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.naming.StageNames;
import java.util.Objects;

/**
 * A flow as the project declares it: its id, the compiled pipeline JSON, and the file's names for
 * its stages and predicates (so its plan speaks the file's words).
 */
public record DesiredFlow(String id, String title, String description, JsonNode pipeline, StageNames names) {
  public DesiredFlow(String id, String title, String description, JsonNode pipeline) {
    this(id, title, description, pipeline, StageNames.NONE);
  }

  public DesiredFlow {
    names = Objects.requireNonNullElse(names, StageNames.NONE);
  }
}
