package io.flowascode.diagnostic.render;

import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Severity;
import java.util.Collection;

/** How many errors and warnings a run found, and in how many files. */
record Tally(int errors, int warnings, int files) {
  static Tally of(Collection<Diagnostic> diagnostics) {
    int errors = (int) diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    int files = (int) diagnostics.stream().map(d -> d.span().file()).distinct().count();
    return new Tally(errors, diagnostics.size() - errors, files);
  }

  /** E.g. {@code 3 errors and 1 warning in 2 files}. */
  String words() {
    String counts;
    if (errors > 0 && warnings > 0) {
      counts = plural(errors, "error") + " and " + plural(warnings, "warning");
    } else if (errors > 0) {
      counts = plural(errors, "error");
    } else {
      counts = plural(warnings, "warning");
    }
    return counts + " in " + plural(files, "file");
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
