package io.flowascode.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowascode.engine.plan.PlanFileException;
import io.flowascode.engine.target.LocalStoreTarget;
import io.flowascode.engine.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan and apply runs every door shares: what they hand back, and how each run ends. */
class ApplyJobTest {
  @TempDir
  Path tmp;

  private Target store() {
    return new LocalStoreTarget(tmp.resolve("store"), ApplyScenariosTest.CATALOG);
  }

  @Test
  void aPlanWithChangesEndsChangesPresentAndAnEmptyOneOk() throws Exception {
    List<DesiredFlow> flows = List.of(ApplyScenariosTest.sample("events"));
    try (Target target = store()) {
      PlanJob job = new PlanJob(target, ApplyScenariosTest.CATALOG, 2);
      assertThat(job.plan(flows, Prune.off(), Optional.empty()).verdict()).isEqualTo(Verdict.CHANGES_PRESENT);
      new ApplyJob(target, ApplyScenariosTest.CATALOG, 2).apply(flows, Prune.off(), plan -> true);
      PlanJob.Result again = job.plan(flows, Prune.off(), Optional.empty());
      assertThat(again.verdict()).isEqualTo(Verdict.OK);
      assertThat(again.lock()).isEmpty();
    }
  }

  @Test
  void theGateSeesThePlanBeforeAnythingIsWrittenAndCanStopIt() throws Exception {
    List<DesiredFlow> flows = List.of(ApplyScenariosTest.sample("events"));
    try (Target target = store()) {
      AtomicInteger shown = new AtomicInteger();
      ApplyJob.Result declined = new ApplyJob(target, ApplyScenariosTest.CATALOG, 1).apply(flows, Prune.off(), plan -> {
        shown.set(plan.flows().size());
        return false;
      });
      assertThat(shown).hasValue(1);
      assertThat(declined.approved()).isFalse();
      assertThat(declined.report().outcomes()).isEmpty();
      assertThat(target.read("events")).isEmpty();

      ApplyJob.Result approved = new ApplyJob(target, ApplyScenariosTest.CATALOG, 1).apply(flows, Prune.off(), plan -> true);
      assertThat(approved.report().count(Outcome.CREATED)).isEqualTo(1);
      assertThat(approved.verdict()).isEqualTo(Verdict.OK);
    }
  }

  @Test
  void aSavedPlanIsAppliedExactlyAndACorruptOneIsRefusedBeforeAnyWrite() throws Exception {
    List<DesiredFlow> flows = List.of(ApplyScenariosTest.sample("events"));
    Path planFile = tmp.resolve("plan.json");
    try (Target target = store()) {
      PlanJob job = new PlanJob(target, ApplyScenariosTest.CATALOG, 1);
      job.save(planFile, job.plan(flows, Prune.off(), Optional.empty()).plan());
      ApplyJob.Result applied = new ApplyJob(target, ApplyScenariosTest.CATALOG, 1).applySaved(planFile, plan -> true);
      assertThat(applied.report().count(Outcome.CREATED)).isEqualTo(1);

      ApplyJob.Result again = new ApplyJob(target, ApplyScenariosTest.CATALOG, 1).applySaved(planFile, plan -> true);
      assertThat(again.alreadyApplied()).isTrue();
      assertThat(again.verdict()).isEqualTo(Verdict.OK);
      assertThat(again.report().outcomes()).singleElement()
          .satisfies(o -> assertThat(o.message()).startsWith(Applier.ALREADY_APPLIED));

      Files.writeString(planFile, Files.readString(planFile).replace("events", "evil"));
      assertThatThrownBy(() -> new ApplyJob(target, ApplyScenariosTest.CATALOG, 1).applySaved(planFile, plan -> true))
          .isInstanceOf(PlanFileException.class);
    }
  }

  @Test
  void aSavedPlanIsRefusedByAnotherTarget() throws Exception {
    List<DesiredFlow> flows = List.of(ApplyScenariosTest.sample("events"));
    Path planFile = tmp.resolve("plan.json");
    try (Target target = store(); Target other = new LocalStoreTarget(tmp.resolve("other"), ApplyScenariosTest.CATALOG)) {
      PlanJob job = new PlanJob(target, ApplyScenariosTest.CATALOG, 1);
      job.save(planFile, job.plan(flows, Prune.off(), Optional.empty()).plan());
      assertThatThrownBy(() -> new ApplyJob(other, ApplyScenariosTest.CATALOG, 1).applySaved(planFile, plan -> true))
          .isInstanceOf(PlanFileException.class)
          .hasMessageContaining("was made for local store at " + tmp.resolve("store"))
          .hasMessageContaining("not for local store at " + tmp.resolve("other"));
      assertThat(other.list()).isEmpty();
    }
  }

  @Test
  void pruneIsRefusedForAProjectWithoutFlowsOrWithAnEmptySourceDirectory() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("flows"));
    Files.writeString(empty.resolve("orders.yaml"), "flow: {id: orders}\n");
    try (Target target = store()) {
      new ApplyJob(target, ApplyScenariosTest.CATALOG, 1).apply(List.of(ApplyScenariosTest.sample("events")), Prune.off(), p -> true);
      PlanJob job = new PlanJob(target, ApplyScenariosTest.CATALOG, 1);
      assertThatThrownBy(() -> job.plan(List.of(), Prune.from(List.of(empty)), Optional.empty()))
          .isInstanceOf(PruneRefusedException.class)
          .hasMessageContaining("declares no flow");
      assertThatThrownBy(() -> job.plan(List.of(ApplyScenariosTest.sample("chaining")),
              Prune.from(List.of(ApplyScenariosTest.SAMPLES, empty)), Optional.empty()))
          .isInstanceOf(PruneRefusedException.class)
          .hasMessageContaining(empty + " holds no flow file");
      assertThat(target.read("events")).isPresent();
    }
  }

  @Test
  void aPlanThatCouldNotReadAFlowNeverSaysNoChanges() throws Exception {
    try (Target target = store()) {
      Files.createDirectories(tmp.resolve("store").resolve("events"));
      Files.writeString(tmp.resolve("store").resolve("events").resolve("pipeline.json"), "[]");
      PlanJob.Result result = new PlanJob(target, ApplyScenariosTest.CATALOG, 1)
          .plan(List.of(ApplyScenariosTest.sample("events")), Prune.off(), Optional.empty());
      assertThat(result.plan().unread()).containsExactly("events");
      assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
      String text = new io.flowascode.engine.plan.PlanTextRenderer().render(result.plan());
      assertThat(text).doesNotContain("No changes").contains("Incomplete plan: 1 flow(s) could not be read", "events");
    }
  }

  @Test
  void aRefusalOutranksAFailure() {
    FlowOutcome refused = FlowOutcome.of("a", Outcome.REFUSED, "moved");
    FlowOutcome failed = FlowOutcome.of("b", Outcome.FAILED, "500");
    FlowOutcome created = FlowOutcome.of("c", Outcome.CREATED, "");
    assertThat(Verdict.of(List.of(failed, refused, created))).isEqualTo(Verdict.REFUSED);
    assertThat(Verdict.of(List.of(created, failed))).isEqualTo(Verdict.FAILED);
    assertThat(Verdict.of(List.of(created))).isEqualTo(Verdict.OK);
  }
}
