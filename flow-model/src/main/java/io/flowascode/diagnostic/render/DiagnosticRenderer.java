package io.flowascode.diagnostic.render;

import io.flowascode.diagnostic.Diagnostic;
import java.util.List;

/** Turns diagnostics into text for one audience; the same input always gives the same text. */
public sealed interface DiagnosticRenderer permits TerminalRenderer, JsonRenderer, GithubRenderer {
  /** The diagnostics in file and position order, then a summary where the format has one. */
  String render(List<Diagnostic> diagnostics, SourceLookup sources);
}
