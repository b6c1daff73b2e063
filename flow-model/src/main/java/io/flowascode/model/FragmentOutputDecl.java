package io.flowascode.model;

import io.flowascode.source.Span;

/**
 * One output of a fragment: a name the flows that use it connect from (`clean[big] >> sink`), and
 * the output of one of the fragment's stages it stands for (`route[big]`).
 */
public record FragmentOutputDecl(Located<String> name, PortRef port, Span span) {}
