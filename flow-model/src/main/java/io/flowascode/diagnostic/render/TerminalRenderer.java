package io.flowascode.diagnostic.render;

import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Related;
import io.flowascode.diagnostic.Severity;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Shows diagnostics to a person at a terminal, in the manner of rustc: a header with the code,
 * the file:line:column, the source line with markers under the exact span ({@code ^} for the
 * problem, {@code -} for related places), then help, fixes and notes; a summary line ends the output.
 *
 * @param color whether to use ANSI colours (for a terminal that shows them)
 * @param limit the most diagnostics shown; the rest are counted, not shown
 */
public record TerminalRenderer(boolean color, int limit) implements DiagnosticRenderer {
  public static final int DEFAULT_LIMIT = 50;

  /** No colours, at most {@value #DEFAULT_LIMIT} diagnostics. */
  public static final TerminalRenderer PLAIN = new TerminalRenderer(false, DEFAULT_LIMIT);

  public TerminalRenderer {
    if (limit < 1) {
      throw new IllegalArgumentException("at least one diagnostic must be shown, not " + limit);
    }
  }

  public TerminalRenderer withColor(boolean on) {
    return new TerminalRenderer(on, limit);
  }

  public TerminalRenderer withLimit(int max) {
    return new TerminalRenderer(color, max);
  }

  /** A place to draw a marker: the span, its text, and whether it is the problem or a related place. */
  private record Mark(Span span, String label, boolean primary) {}

  @Override
  public String render(List<Diagnostic> diagnostics, SourceLookup sources) {
    if (diagnostics.isEmpty()) {
      return "";
    }
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostic.ORDER);
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : sorted.subList(0, Math.min(limit, sorted.size()))) {
      renderOne(d, sources, out);
      out.append('\n');
    }
    int hidden = sorted.size() - limit;
    if (hidden > 0) {
      out.append("… and ").append(hidden).append(" more not shown (at most ").append(limit)
          .append(" are shown)\n");
    }
    Tally tally = Tally.of(sorted);
    Ansi head = tally.errors() > 0 ? Ansi.ERROR : Ansi.WARNING;
    out.append(head.paint(tally.errors() > 0 ? "error" : "warning", color))
        .append(Ansi.BOLD.paint(": " + tally.words(), color)).append('\n');
    return out.toString();
  }

  /** One diagnostic's block alone, without the summary line (for logs that tag each by severity). */
  public String renderOne(Diagnostic d, SourceLookup sources) {
    StringBuilder out = new StringBuilder();
    renderOne(d, sources, out);
    return out.toString();
  }

  private void renderOne(Diagnostic d, SourceLookup sources, StringBuilder out) {
    Ansi severity = d.severity() == Severity.ERROR ? Ansi.ERROR : Ansi.WARNING;
    out.append(severity.paint(d.severity().word() + "[" + d.code().id() + "]", color))
        .append(Ansi.BOLD.paint(": " + d.message(), color)).append('\n');

    Span span = d.span();
    Optional<SourceFile> file = WholeFile.is(span) ? Optional.empty() : sources.find(span.file());
    List<Mark> here = new ArrayList<>();
    Map<String, List<Mark>> elsewhere = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    d.help().ifPresent(h -> notes.add("help: " + h));
    d.fixes().forEach(f -> notes.add("fix: " + FixWords.describe(f)));
    d.notes().forEach(n -> notes.add("note: " + n));
    if (file.isPresent()) {
      here.add(new Mark(span, d.label(), true));
    }
    for (Related r : d.related()) {
      boolean positioned = !WholeFile.is(r.span());
      if (positioned && file.isPresent() && r.span().file().equals(span.file())) {
        here.add(new Mark(r.span(), r.message(), false));
      } else if (positioned && sources.find(r.span().file()).isPresent()) {
        elsewhere.computeIfAbsent(r.span().file(), f -> new ArrayList<>()).add(new Mark(r.span(), r.message(), false));
      } else {
        notes.add("note: " + r.message() + " (" + location(r.span()) + ")");
      }
    }

    int width = 1;
    for (Mark m : here) {
      width = Math.max(width, digits(m.span().start().line()));
    }
    for (List<Mark> marks : elsewhere.values()) {
      for (Mark m : marks) {
        width = Math.max(width, digits(m.span().start().line()));
      }
    }
    String pad = " ".repeat(width);
    out.append(pad).append(Ansi.ACCENT.paint("-->", color)).append(' ').append(location(span)).append('\n');
    if (file.isPresent()) {
      snippet(file.get(), here, width, d.severity(), out);
    }
    for (Map.Entry<String, List<Mark>> other : elsewhere.entrySet()) {
      out.append(pad).append(Ansi.ACCENT.paint(":::", color)).append(' ')
          .append(location(other.getValue().get(0).span())).append('\n');
      snippet(sources.find(other.getKey()).orElseThrow(), other.getValue(), width, d.severity(), out);
    }
    if (!notes.isEmpty()) {
      out.append(pad).append(' ').append(Ansi.ACCENT.paint("|", color)).append('\n');
      for (String note : notes) {
        int colon = note.indexOf(':');
        String[] lines = note.substring(colon + 2).split("\n", -1);
        out.append(pad).append(' ').append(Ansi.ACCENT.paint("=", color)).append(' ')
            .append(Ansi.BOLD.paint(note.substring(0, colon + 1), color)).append(' ').append(lines[0]).append('\n');
        // Further lines of a long help line up under its first word.
        String indent = pad + "   " + " ".repeat(colon + 2);
        for (int i = 1; i < lines.length; i++) {
          out.append((indent + lines[i]).stripTrailing()).append('\n');
        }
      }
    }
  }

  private void snippet(SourceFile file, List<Mark> marks, int width, Severity severity, StringBuilder out) {
    String gutter = " ".repeat(width + 1) + Ansi.ACCENT.paint("|", color);
    out.append(gutter).append('\n');
    TreeMap<Integer, List<Mark>> byLine = new TreeMap<>();
    for (Mark m : marks) {
      byLine.computeIfAbsent(m.span().start().line(), l -> new ArrayList<>()).add(m);
    }
    int previous = -1;
    for (Map.Entry<Integer, List<Mark>> entry : byLine.entrySet()) {
      int line = entry.getKey();
      List<Mark> onLine = entry.getValue();
      onLine.sort(Comparator.comparingInt((Mark m) -> m.span().start().column()).thenComparing(m -> !m.primary()));
      if (previous > 0 && line == previous + 2) {
        sourceRow(previous + 1, SourceLineView.of(file.line(previous + 1), 1, SourceLineView.MAX_WIDTH), width, out);
      } else if (previous > 0 && line > previous + 2) {
        out.append(Ansi.ACCENT.paint("...", color)).append('\n');
      }
      SourceLineView view = SourceLineView.of(file.line(line), onLine.get(0).span().start().column(), SourceLineView.MAX_WIDTH);
      sourceRow(line, view, width, out);
      for (Mark m : onLine) {
        markerRow(file, m, view, gutter, severity, out);
      }
      previous = line;
    }
  }

  private void sourceRow(int line, SourceLineView view, int width, StringBuilder out) {
    String number = String.format("%" + width + "d", line);
    out.append(Ansi.ACCENT.paint(number + " |", color));
    if (!view.text().isEmpty()) {
      out.append(' ').append(view.text());
    }
    out.append('\n');
  }

  private void markerRow(SourceFile file, Mark m, SourceLineView view, String gutter, Severity severity, StringBuilder out) {
    Span s = m.span();
    int line = s.start().line();
    // A span ending at column 1 of a later line ends with the line before it.
    int lastLine = s.end().line() > line && s.end().column() == 1 ? s.end().line() - 1 : s.end().line();
    int endColumn = lastLine > line || s.end().line() > line
        ? file.line(line).codePointCount(0, file.line(line).length()) + 1
        : s.end().column();
    String label = m.label();
    if (lastLine > line) {
      label = (label.isEmpty() ? "" : label + " ") + "(ends on line " + lastLine + ")";
    }
    int from = view.cellOf(s.start().column());
    int to = view.cellOf(Math.max(endColumn, s.start().column()));
    if (from >= view.rightEdge()) {
      label = "(at column " + s.start().column() + ") " + label;
      from = view.rightEdge();
      to = from;
    }
    from = Math.max(from, view.leftEdge());
    to = Math.min(to, view.rightEdge());
    int length = Math.max(1, to - from);
    Ansi paint = m.primary() ? (severity == Severity.ERROR ? Ansi.ERROR : Ansi.WARNING) : Ansi.ACCENT;
    String markers = (m.primary() ? "^" : "-").repeat(length) + (label.isEmpty() ? "" : " " + label);
    out.append(gutter).append(' ').append(" ".repeat(from)).append(paint.paint(markers.stripTrailing(), color)).append('\n');
  }

  private static String location(Span span) {
    return WholeFile.is(span) ? span.file() : span.file() + ":" + span.start().line() + ":" + span.start().column();
  }

  private static int digits(int n) {
    return Integer.toString(n).length();
  }
}
