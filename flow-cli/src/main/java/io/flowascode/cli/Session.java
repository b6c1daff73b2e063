package io.flowascode.cli;

import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.render.OutputFormat;
import io.flowascode.diagnostic.render.SourceLookup;
import io.flowascode.diagnostic.render.TerminalRenderer;
import io.flowascode.engine.apply.Confirmation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the command line: its streams, the person at the terminal if any, the environment
 * variables, the global options (-C, --env, --project-file, --color), and, with `--format json`,
 * the one document the run prints.
 */
final class Session {
  final PrintWriter out;
  final PrintWriter err;
  final Optional<Confirmation.Terminal> terminal;
  final Map<String, String> variables;

  /** Where relative paths are resolved and the project file is looked for (-C). */
  Path base = Path.of("");
  /** --color / --no-color; null: colour when at a terminal and NO_COLOR is not set. */
  Boolean color;
  /** --env. */
  String environment;
  /** --project-file. */
  Path projectFile;

  private JsonDocument document;
  private ProjectContext project;

  Session(PrintWriter out, PrintWriter err, Optional<Confirmation.Terminal> terminal, Map<String, String> variables) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.variables = variables;
  }

  /**
   * Colour as https://no-color.org asks: on at a terminal that can show it, off when NO_COLOR is set
   * (to anything) or the output goes elsewhere; --color and --no-color decide over both.
   */
  boolean color() {
    if (color != null) {
      return color;
    }
    String noColor = variables.get("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return false;
    }
    return terminal.isPresent() && !"dumb".equals(variables.getOrDefault("TERM", ""));
  }

  /** A command starts: in JSON, its document begins. */
  void begin(String command, String format) {
    if ("json".equals(format.toLowerCase(Locale.ROOT).strip())) {
      document = new JsonDocument(command);
    }
  }

  boolean json() {
    return document != null;
  }

  Optional<JsonDocument> document() {
    return Optional.ofNullable(document);
  }

  /** The JSON document of this run; call only in JSON mode. */
  JsonDocument doc() {
    return document;
  }

  /** A path the user typed, as the run reads it: against -C when relative. */
  Path resolve(Path p) {
    return base.resolve(p);
  }

  ProjectContext project() {
    if (project == null) {
      project = ProjectContext.load(this);
    }
    return project;
  }

  /** Shows diagnostics in the format asked for; in JSON they join the run's document. */
  void diagnostics(List<Diagnostic> diagnostics, SourceLookup sources, String format) {
    if (json()) {
      document.diagnostics(diagnostics);
      return;
    }
    OutputFormat f = DiagnosticsOutput.format(format);
    if (f == OutputFormat.TEXT && diagnostics.isEmpty()) {
      return;
    }
    out.print(f.renderer(color(), TerminalRenderer.DEFAULT_LIMIT).render(diagnostics, sources));
    out.flush();
  }

  /** A line for people: printed in text, left out of the JSON document. */
  void say(String line) {
    if (!json()) {
      out.println(line);
      out.flush();
    }
  }
}
