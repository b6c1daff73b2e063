package io.flowascode.diagnostic.render;

import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Related;
import io.flowascode.diagnostic.Severity;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows diagnostics as GitHub Actions workflow commands ({@code --format github}), one line each,
 * which the runner turns into annotations on the pull request's diff:
 * {@code ::error file=f,line=14,col=12,endLine=14,endColumn=15,title=E0301::message}.
 */
public final class GithubRenderer implements DiagnosticRenderer {
  @Override
  public String render(List<Diagnostic> diagnostics, SourceLookup sources) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostic.ORDER);
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : sorted) {
      out.append("::").append(d.severity() == Severity.ERROR ? "error" : "warning").append(' ');
      Span s = d.span();
      out.append("file=").append(property(s.file()));
      if (!WholeFile.is(s)) {
        out.append(",line=").append(s.start().line());
        // A span ending at column 1 of a line ends with the line break before it.
        int endLine = s.end().line() > s.start().line() && s.end().column() == 1 ? s.end().line() - 1 : s.end().line();
        // GitHub takes columns only for an annotation on one line; its end column is inclusive.
        if (s.end().line() == s.start().line()) {
          out.append(",col=").append(s.start().column())
              .append(",endLine=").append(s.end().line())
              .append(",endColumn=").append(Math.max(s.start().column(), s.end().column() - 1));
        } else {
          out.append(",endLine=").append(endLine);
        }
      }
      out.append(",title=").append(property(d.code().id()));
      StringBuilder text = new StringBuilder(d.message());
      d.help().ifPresent(h -> text.append("\nhelp: ").append(h));
      d.fixes().forEach(f -> text.append("\nfix: ").append(FixWords.describe(f)));
      d.notes().forEach(n -> text.append("\nnote: ").append(n));
      for (Related r : d.related()) {
        Span rs = r.span();
        String where = WholeFile.is(rs) ? rs.file() : rs.file() + ":" + rs.start().line() + ":" + rs.start().column();
        text.append("\nsee ").append(where).append(": ").append(r.message());
      }
      out.append("::").append(data(text.toString())).append('\n');
    }
    return out.toString();
  }

  /** Escapes a command's message as the runner requires. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value, where {@code :} and {@code ,} also have meaning. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
