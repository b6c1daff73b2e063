package io.flowascode.compiler.emit;

import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.config.BoundConfig;

/** An error, statistics or lifecycle stage with the configuration the user gave it. */
public record SpecialStage(StageDefinition definition, BoundConfig config) {}
