package io.flowascode.compiler.verify;

import com.fasterxml.jackson.databind.JsonNode;

/** One {@code {name, value}} element of a stage's, service's or pipeline's configuration list. */
record ConfigEntry(String name, JsonNode value) {}
