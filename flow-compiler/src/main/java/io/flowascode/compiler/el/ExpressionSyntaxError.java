package io.flowascode.compiler.el;

/**
 * A `${...}` value the platform's expression parser refuses.
 *
 * @param message the parser's own explanation, in plain words where we could shorten it
 * @param offset where in the value the parser stopped (0-based), or -1 when it did not say
 */
public record ExpressionSyntaxError(String message, int offset) {}
