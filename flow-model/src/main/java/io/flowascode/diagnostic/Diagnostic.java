package io.flowascode.diagnostic;

import org.jspecify.annotations.Nullable;
import io.flowascode.source.Span;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a flow: a stable code, where it is, what is wrong, and how to fix it, in
 * words ({@code help}) and, where the repair is mechanical, as {@link Fix}es in order of preference.
 * Diagnostics are values; finding them is separate from rendering them.
 */
public record Diagnostic(
    Code code,
    Severity severity,
    Span span,
    String message,
    String label,
    Optional<String> help,
    List<String> notes,
    List<Related> related,
    List<EngineCode> engineCodes,
    List<Fix> fixes) {

  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::span)
          .thenComparing(d -> d.code().id())
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(code);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(span);
    Objects.requireNonNull(message);
    label = label == null ? "" : label;
    help = help == null ? Optional.empty() : help;
    notes = List.copyOf(notes);
    related = List.copyOf(related);
    engineCodes = engineCodes == null ? List.of() : List.copyOf(engineCodes);
    fixes = fixes == null ? List.of() : List.copyOf(fixes);
  }

  public static Builder of(Code code, Span span, String message) {
    return new Builder(code, span, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(code, newSeverity, span, message, label, help, notes, related, engineCodes, fixes);
  }

  /** The fix a tool may apply on its own: the only one offered, when it is safe. */
  public Optional<Fix> safeFix() {
    return fixes.size() == 1 && fixes.get(0).safe() ? Optional.of(fixes.get(0)) : Optional.empty();
  }

  /** Builds a diagnostic with the code's default severity. */
  public static final class Builder {
    private final Code code;
    private final Span span;
    private final String message;
    private String label = "";
    private @Nullable String help;
    private final java.util.ArrayList<String> notes = new java.util.ArrayList<>();
    private final java.util.ArrayList<Related> related = new java.util.ArrayList<>();
    private final java.util.LinkedHashSet<EngineCode> engineCodes = new java.util.LinkedHashSet<>();
    private final java.util.ArrayList<Fix> fixes = new java.util.ArrayList<>();

    private Builder(Code code, Span span, String message) {
      this.code = code;
      this.span = span;
      this.message = message;
    }

    /** The short text printed under the caret. */
    public Builder label(String text) {
      this.label = text;
      return this;
    }

    public Builder help(String text) {
      this.help = text;
      return this;
    }

    public Builder note(String text) {
      notes.add(text);
      return this;
    }

    public Builder related(Span where, String text) {
      related.add(new Related(where, text));
      return this;
    }

    /** How the engine reports the same problem; replaces the code's usual platform code. */
    public Builder engineCode(String engineCode, String config) {
      engineCodes.add(new EngineCode(engineCode, config));
      return this;
    }

    /** Offers fixes, best first; see {@link Fix#safe()}. */
    public Builder fixes(List<Fix> offered) {
      fixes.addAll(offered);
      return this;
    }

    public Diagnostic build() {
      List<String> allNotes = new java.util.ArrayList<>(notes);
      List<EngineCode> codes = new java.util.ArrayList<>(engineCodes);
      if (codes.isEmpty()) {
        code.platformCode().ifPresent(p -> codes.add(new EngineCode(p, "")));
      }
      if (!codes.isEmpty()) {
        allNotes.add("the platform reports this as " + String.join(", ", codes.stream().map(EngineCode::toString).toList()));
      }
      return new Diagnostic(
          code, code.severity(), span, message, label, Optional.ofNullable(help), allNotes, related, codes, fixes);
    }
  }
}
