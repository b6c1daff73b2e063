package io.flowascode.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;

/** A flow as the project declares it: its id and the compiled pipeline JSON. */
public record DesiredFlow(String id, String title, String description, JsonNode pipeline) {}
