package io.flowascode.compiler.verify;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;

/** One {@code {name, value}} element of a stage's, service's or pipeline's configuration list. */
record ConfigEntry(String name, @Nullable JsonNode value) {}
