package io.flowascode.compiler.emit;

import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.config.BoundConfig;
import io.flowascode.source.Span;
import java.util.Optional;

/**
 * An error, statistics or lifecycle stage with the configuration the user gave it.
 *
 * @param at where the file names it, empty for a stage the compiler chose (Discard by default)
 */
public record SpecialStage(StageDefinition definition, BoundConfig config, Optional<Span> at) {
  public SpecialStage(StageDefinition definition, BoundConfig config) {
    this(definition, config, Optional.empty());
  }

  /** The instance name the emitter gives the stage in this slot (`Discard_ErrorStage`). */
  public String instanceName(String suffix) {
    return io.flowascode.compiler.naming.InstanceNamer.base(definition.label()) + suffix;
  }
}
