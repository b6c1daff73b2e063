package io.flowascode.diagnostic.render;

import io.flowascode.diagnostic.Fix;

/** How the text renderers name a fix: what it does, and whether {@code flow fix} applies it. */
final class FixWords {
  private FixWords() {}

  static String describe(Fix fix) {
    return fix.description() + (fix.safe() ? " (`flow fix` applies it)" : " (one of several; choose by hand)");
  }
}
