package io.flowascode.diagnostic.render;

/** The few terminal styles diagnostics use, in the colours rustc and cargo use for the same parts. */
enum Ansi {
  ERROR("1;31"),
  WARNING("1;33"),
  /** Line numbers, the gutter, {@code -->} and secondary markers. */
  ACCENT("1;34"),
  BOLD("1");

  private final String code;

  Ansi(String code) {
    this.code = code;
  }

  String paint(String text, boolean on) {
    return on && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
