package io.flowascode.diagnostic;

import org.jspecify.annotations.Nullable;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Collects diagnostics during a run; nothing is thrown for a problem in the user's input. */
public final class Diagnostics {
  private final LinkedHashSet<Diagnostic> items = new LinkedHashSet<>();

  public void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  public void addAll(Iterable<Diagnostic> diagnostics) {
    diagnostics.forEach(this::add);
  }

  /** Shorthand for the common case of a diagnostic with a label and an optional help line. */
  public void report(Code code, Span span, String message, String label, @Nullable String help) {
    Diagnostic.Builder b = Diagnostic.of(code, span, message).label(label);
    if (help != null) {
      b.help(help);
    }
    add(b.build());
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public int errorCount() {
    return (int) items.stream().filter(Diagnostic::isError).count();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** All diagnostics in file and position order. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> list = new ArrayList<>(items);
    list.sort(Diagnostic.ORDER);
    return List.copyOf(list);
  }
}
