package io.flowascode.compiler.fix;

import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Fix;

/** A fix {@code flow fix} made, and the diagnostic (as first reported) it repaired. */
public record AppliedFix(Diagnostic diagnostic, Fix fix) {}
