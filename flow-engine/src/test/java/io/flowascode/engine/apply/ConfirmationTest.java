package io.flowascode.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.engine.plan.ExamplePlans;
import io.flowascode.engine.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Apply asks before changing anything, only a person at a terminal, and only about real changes. */
class ConfirmationTest {
  private final List<String> shown = new ArrayList<>();
  private final List<String> asked = new ArrayList<>();

  private Confirmation gate(boolean autoApprove, Optional<String> typed, boolean terminal) {
    Confirmation.Terminal person = question -> {
      asked.add(question);
      return typed;
    };
    return new Confirmation(plan -> shown.add("plan"), autoApprove, terminal ? Optional.of(person) : Optional.empty(),
        "the store", shown::add);
  }

  @Test
  void onlyYesAtATerminalApproves() {
    Plan plan = ExamplePlans.plan();
    assertThat(gate(false, Optional.of("yes"), true).proceed(plan)).isTrue();
    assertThat(gate(false, Optional.of(" YES \n"), true).proceed(plan)).isTrue();
    assertThat(gate(false, Optional.of("y"), true).proceed(plan)).isFalse();
    assertThat(gate(false, Optional.empty(), true).proceed(plan)).isFalse();
    assertThat(asked).hasSize(4).allMatch(q -> q.contains("the store") && q.contains("yes"));
    assertThat(shown).contains("Apply cancelled; nothing was changed.");
  }

  @Test
  void thePlanIsShownBeforeTheQuestion() {
    gate(false, Optional.of("yes"), true).proceed(ExamplePlans.plan());
    assertThat(shown).first().isEqualTo("plan");
  }

  @Test
  void noTerminalNeverBlocksAndAutoApproveNeverAsks() {
    assertThat(gate(false, Optional.of("no"), false).proceed(ExamplePlans.plan())).isTrue();
    assertThat(gate(true, Optional.of("no"), true).proceed(ExamplePlans.plan())).isTrue();
    assertThat(asked).isEmpty();
  }

  @Test
  void aPlanWithoutChangesIsNotAskedAbout() {
    assertThat(gate(false, Optional.of("no"), true).proceed(new Plan(List.of()))).isTrue();
    assertThat(asked).isEmpty();
  }
}
