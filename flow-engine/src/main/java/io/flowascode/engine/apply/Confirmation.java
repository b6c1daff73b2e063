package io.flowascode.engine.apply;

import io.flowascode.engine.plan.Plan;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The gate in front of an apply, as Terraform keeps it: show the plan, then, when it has changes,
 * ask a person at a terminal to type `yes`. A run without a terminal (CI, a pipe) never waits for
 * input; approving in advance (`--auto-approve`) skips the question.
 */
public final class Confirmation implements ApplyGate {
  /** A person who can be asked; absent when nobody is at a terminal. */
  @FunctionalInterface
  public interface Terminal {
    /** Shows the question and returns the line typed, or empty at end of input. */
    Optional<String> ask(String question);
  }

  private final Consumer<Plan> show;
  private final boolean autoApprove;
  private final Optional<Terminal> terminal;
  private final String where;
  private final Consumer<String> tell;

  /**
   * @param where the target, as the question names it
   * @param tell how the door prints the answer's consequence
   */
  public Confirmation(Consumer<Plan> show, boolean autoApprove, Optional<Terminal> terminal, String where,
      Consumer<String> tell) {
    this.show = show;
    this.autoApprove = autoApprove;
    this.terminal = terminal;
    this.where = where;
    this.tell = tell;
  }

  @Override
  public boolean proceed(Plan plan) {
    show.accept(plan);
    if (!plan.hasChanges() || autoApprove || terminal.isEmpty()) {
      return true;
    }
    String answer = terminal.get().ask("Apply these changes to " + where + "? Only 'yes' is taken as yes: ")
        .orElse("").trim().toLowerCase(Locale.ROOT);
    if (answer.equals("yes")) {
      return true;
    }
    tell.accept("Apply cancelled; nothing was changed.");
    return false;
  }
}
