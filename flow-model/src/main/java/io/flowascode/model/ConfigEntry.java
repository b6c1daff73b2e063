package io.flowascode.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.source.Span;

/**
 * One `name: value` under a stage's `config` (or the flow's `settings`). The JSON pointer lets
 * later phases find the span of any nested value through the file's source map.
 */
public record ConfigEntry(Located<String> key, JsonNode value, Span valueSpan, String pointer) {}
