package io.flowascode.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.batch.BatchResult;
import io.flowascode.compiler.batch.FlowBatch;
import io.flowascode.compiler.batch.FlowSources;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.engine.diff.Change;
import io.flowascode.engine.diff.StageIdentities;
import io.flowascode.engine.plan.FlowPlan;
import io.flowascode.engine.plan.PlanTextRenderer;
import io.flowascode.engine.target.LocalStoreTarget;
import io.flowascode.engine.target.Target;
import io.flowascode.source.SourceFile;
import io.flowascode.yaml.YamlTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stable identity on every sample: once a flow is on the target, moving its stage blocks around
 * in the file plans no change, and adding a stage in the middle plans that stage and its
 * connection and renames no existing stage. Run on the Data Collector double, which sorts and
 * fills in stored pipelines as the engine does.
 */
class StableIdentityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  static Stream<String> samples() throws Exception {
    return FlowSources.expand(List.of(ApplyScenariosTest.SAMPLES)).stream().map(p -> p.getFileName().toString());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void movingStageBlocksPlansNoChangeAndAStageAddedInTheMiddleRenamesNothing(String sample) throws Exception {
    ObjectNode original = tree(Files.readString(ApplyScenariosTest.SAMPLES.resolve(sample)));
    try (Target target = new LocalStoreTarget(tmp.resolve("store"), ApplyScenariosTest.CATALOG)) {
      ApplyScenariosTest.planAndApply(target, flows(original, "applied"));

      for (String order : List.of("reversed", "rotated", "shuffled")) {
        FlowPlan plan = plan(target, flows(reorder(original, order), order));
        assertThat(plan.diff().changes()).as("%s with its stage blocks %s:%n%s", sample, order, render(plan)).isEmpty();
      }

      ObjectNode added = withStageInTheMiddle(original);
      FlowPlan plan = plan(target, flows(added, "added"));
      assertThat(plan.diff().changes()).as("%s with a stage added in the middle:%n%s", sample, render(plan))
          .hasSize(2)
          .anySatisfy(c -> assertThat(c).isInstanceOf(Change.StageAdded.class))
          .anySatisfy(c -> assertThat(c).isInstanceOf(Change.ConnectionAdded.class));

      // Applied, the new stage is recorded too: the whole file can move again without a change.
      ApplyScenariosTest.planAndApply(target, flows(added, "added-applied"));
      FlowPlan again = plan(target, flows(reorder(added, "reversed"), "added-reversed"));
      assertThat(again.diff().changes()).as("%s with a stage added, then reordered:%n%s", sample, render(again)).isEmpty();
      JsonNode recorded = target.read(again.flowId()).orElseThrow().pipeline().path("metadata").path(StageIdentities.METADATA_KEY);
      assertThat(recorded.has("zz_added")).as("the stage ids recorded on the target").isTrue();
    }
  }

  private FlowPlan plan(Target target, List<DesiredFlow> flows) {
    PlanResult planned = new Planner(target, ApplyScenariosTest.CATALOG, 1).plan(flows, false);
    assertThat(planned.failures()).isEmpty();
    return planned.plan().flows().get(0);
  }

  private static String render(FlowPlan plan) {
    return new PlanTextRenderer().render(new io.flowascode.engine.plan.Plan(List.of(plan), List.of()));
  }

  /** The flow file written (as JSON, which is YAML) to its own directory, compiled as every command compiles it. */
  private List<DesiredFlow> flows(ObjectNode flow, String name) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Path file = dir.resolve("flow.flow.yaml");
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(flow));
    BatchResult batch = new FlowBatch(new FlowCompiler(ApplyScenariosTest.CATALOG, CompilerOptions.DEFAULT))
        .compile(List.of(file), dir);
    assertThat(batch.hasErrors()).as(batch.compilations().get(0).diagnostics().toString()).isFalse();
    return DesiredFlows.of(batch);
  }

  private static ObjectNode tree(String yaml) {
    return (ObjectNode) new YamlTreeReader().read(new SourceFile("f.flow.yaml", yaml), new Diagnostics()).orElseThrow().root();
  }

  /** The flow with its `stages:` entries in another order. */
  private static ObjectNode reorder(ObjectNode flow, String how) {
    List<String> ids = new ArrayList<>();
    flow.get("stages").fieldNames().forEachRemaining(ids::add);
    switch (how) {
      case "reversed" -> Collections.reverse(ids);
      case "rotated" -> Collections.rotate(ids, 1);
      default -> Collections.shuffle(ids, new java.util.Random(ids.hashCode()));
    }
    return withStages(flow, ids, Map.of());
  }

  /**
   * The flow with one more Trash in the middle of `stages:` (named in file order, it would take
   * the number of every Trash after it), fed by the first stage, which in every sample is the origin.
   */
  private static ObjectNode withStageInTheMiddle(ObjectNode flow) {
    List<String> ids = new ArrayList<>();
    flow.get("stages").fieldNames().forEachRemaining(ids::add);
    String origin = ids.get(0);
    ids.add(ids.size() / 2, "zz_added");
    ObjectNode stage = JsonNodeFactory.instance.objectNode().put("label", "Trash");
    ObjectNode copy = withStages(flow, ids, Map.of("zz_added", stage));
    ((ArrayNode) copy.get("connections")).add(origin + " >> zz_added");
    return copy;
  }

  private static ObjectNode withStages(ObjectNode flow, List<String> ids, Map<String, JsonNode> extra) {
    ObjectNode copy = flow.deepCopy();
    ObjectNode stages = copy.putObject("stages");
    for (String id : ids) {
      stages.set(id, extra.containsKey(id) ? extra.get(id) : flow.get("stages").get(id));
    }
    // `stages` was replaced in place: move the sections after it back behind it.
    for (String key : List.of("connections", "events")) {
      if (copy.has(key)) {
        JsonNode v = copy.remove(key);
        copy.set(key, v);
      }
    }
    return copy;
  }
}
