package io.flowascode.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.source.Span;

/** A runtime parameter (a pipeline constant), referenced in expressions as `${NAME}`. */
public record ParameterDecl(Located<String> name, JsonNode value, Span valueSpan) {}
