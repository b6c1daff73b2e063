package io.flowascode.diagnostic;

import io.flowascode.source.Span;

/** A second place a diagnostic points at, e.g. the first of two duplicate keys. */
public record Related(Span span, String message) {}
