package io.flowascode.model;

/** A named Stream Selector condition, e.g. `big: '${record:value("/x") > 1}'`. */
public record PredicateDecl(Located<String> name, Located<String> expression) {}
