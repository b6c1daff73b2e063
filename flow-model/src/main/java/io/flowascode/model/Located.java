package io.flowascode.model;

import io.flowascode.source.Span;

/** A value together with the place in the file it was written. */
public record Located<T>(T value, Span span) {}
