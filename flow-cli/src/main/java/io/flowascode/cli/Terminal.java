package io.flowascode.cli;

import io.flowascode.engine.apply.Confirmation;
import java.io.Console;
import java.util.Optional;

/** The person at the terminal, when there is one: JDK 17 has a console only when both stdin and stdout are a terminal. */
final class Terminal {
  private Terminal() {}

  static Optional<Confirmation.Terminal> system() {
    Console console = System.console();
    if (console == null) {
      return Optional.empty();
    }
    return Optional.of(question -> Optional.ofNullable(console.readLine("%s", question)));
  }
}
