package io.flowascode.cli;

import io.flowascode.engine.apply.Confirmation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

/** Runs the command line in this process with a chosen environment and terminal, as a user's shell would. */
final class Cli {
  private Cli() {}

  record Run(int exit, String out, String err) {
    String both() {
      return out + err;
    }
  }

  /** Without a terminal (as in CI or a pipe) and with only these variables. */
  static Run run(Map<String, String> variables, String... args) {
    return run(Optional.empty(), variables, args);
  }

  static Run run(Optional<Confirmation.Terminal> terminal, Map<String, String> variables, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FlowCli.run(args, new PrintWriter(out), new PrintWriter(err), terminal, variables);
    return new Run(exit, out.toString(), err.toString());
  }

  /** A terminal whose person answers every question with {@code answer}. */
  static Optional<Confirmation.Terminal> terminal(String answer) {
    return Optional.of(question -> Optional.of(answer));
  }
}
