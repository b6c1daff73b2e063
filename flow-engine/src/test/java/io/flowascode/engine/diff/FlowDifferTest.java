package io.flowascode.engine.diff;

import static io.flowascode.engine.diff.PipelineEdits.pipelineOf;
import static io.flowascode.engine.diff.PipelineEdits.setConfig;
import static io.flowascode.engine.diff.PipelineEdits.stage;
import static io.flowascode.engine.diff.TestCatalogs.BASIC;
import static io.flowascode.engine.diff.TestCatalogs.DISCARD;
import static io.flowascode.engine.diff.TestCatalogs.PARSER_SERVICE;
import static io.flowascode.engine.diff.TestCatalogs.RAW_DATA;
import static io.flowascode.engine.diff.TestCatalogs.SELECTOR;
import static io.flowascode.engine.diff.TestCatalogs.TRASH;
import static io.flowascode.engine.diff.TestCatalogs.WRITE_TO_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.diff.Change.ConfigChanged;
import io.flowascode.engine.diff.Change.ConnectionAdded;
import io.flowascode.engine.diff.Change.ConnectionRemoved;
import io.flowascode.engine.diff.Change.LabelsChanged;
import io.flowascode.engine.diff.Change.ParameterChanged;
import io.flowascode.engine.diff.Change.PredicateChanged;
import io.flowascode.engine.diff.Change.PredicatesReordered;
import io.flowascode.engine.diff.Change.ServiceConfigChanged;
import io.flowascode.engine.diff.Change.SettingChanged;
import io.flowascode.engine.diff.Change.SpecialStageChanged;
import io.flowascode.engine.diff.Change.StageAdded;
import io.flowascode.engine.diff.Change.StageDefinitionChanged;
import io.flowascode.engine.diff.Change.StageLabelChanged;
import io.flowascode.engine.diff.Change.StageRemoved;
import io.flowascode.engine.diff.Change.StageRenamed;
import io.flowascode.engine.diff.Change.TitleChanged;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlowDifferTest {
  private static final String BIG = "${record:value(\"/expense\") >= LIMIT}";
  private static final String BIGGER = "${record:value(\"/expense\") > LIMIT}";
  private static final String REFUND = "${record:value(\"/expense\") < -10000}";

  private final FlowDiffer differ = new FlowDiffer();
  private final Catalog mini = TestCatalogs.mini();

  /** The remote side of the hand-made example: as the platform stores it, all defaults filled in. */
  private static ObjectNode remote() {
    return pipelineOf(TestCatalogs.resource(FlowDifferTest.class, "/io/flowascode/engine/plan/expense-router-remote.json"));
  }

  private static ObjectNode desired() {
    return pipelineOf(TestCatalogs.resource(FlowDifferTest.class, "/io/flowascode/engine/plan/expense-router-desired.json"));
  }

  private static JsonNode example(String name) {
    Optional<Path> file = TestCatalogs.shared("platform/examples/" + name);
    assumeTrue(file.isPresent(), "shared platform examples not found (set flow.shared.dir); skipping");
    return pipelineOf(TestCatalogs.readJson(file.get()));
  }

  private static Catalog platform() {
    Optional<Catalog> catalog = TestCatalogs.platform();
    assumeTrue(catalog.isPresent(), "shared platform definitions not found (set flow.shared.dir); skipping");
    return catalog.get();
  }

  private List<Change> diff(JsonNode before, JsonNode after) {
    return differ.diff(before, after, mini).changes();
  }

  private static StageRef trash() {
    return new StageRef(BASIC, TRASH, "1", "Trash");
  }

  @Nested
  class WhatThePlatformRewritesIsNoChange {

    @ParameterizedTest
    @ValueSource(strings = {
        "sdc-helloWorldPipeline-export-envelope.json",
        "sdc-sample-ParseWebLogs-export-envelope.json",
        "sdc-2.2-Event_executor-pipeline.json"})
    void aPipelineComparedWithItselfHasNoChanges(String name) {
      JsonNode p = example(name);
      assertThat(differ.diff(p, p, platform()).changes()).isEmpty();
      assertThat(differ.diff(p, p.deepCopy(), null).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sdc-helloWorldPipeline-export-envelope.json",
        "sdc-sample-ParseWebLogs-export-envelope.json",
        "sdc-2.2-Event_executor-pipeline.json"})
    void stageOrderLaneNamesPositionsUuidAndInfoAreIgnored(String name) {
      JsonNode p = example(name);
      JsonNode rewritten = PipelineEdits.platformNoise(PipelineEdits.renameLanes(PipelineEdits.shuffleStages(p, 7)));
      assertThat(differ.diff(p, rewritten, platform()).changes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sdc-helloWorldPipeline-export-envelope.json",
        "sdc-sample-ParseWebLogs-export-envelope.json",
        "sdc-2.2-Event_executor-pipeline.json"})
    void configsLeftAtTheirDefaultsMayBeOmittedOnEitherSide(String name) {
      JsonNode p = example(name);
      Catalog catalog = platform();
      JsonNode sparse = PipelineEdits.withoutDefaults(p, catalog);
      assertThat(sparse).isNotEqualTo(p);
      assertThat(differ.diff(p, sparse, catalog).changes()).isEmpty();
      assertThat(differ.diff(sparse, p, catalog).changes()).isEmpty();
    }

    @Test
    void theHandMadeRemoteEqualsItsSparseFormUnderTheMiniCatalog() {
      ObjectNode sparse = PipelineEdits.withoutDefaults(remote(), mini);
      assertThat(sparse.toString()).doesNotContain("stageOnRecordError");
      assertThat(diff(remote(), sparse)).isEmpty();
    }

    @Test
    void emptyValuesAreEqualAndNumbersCompareByValue() {
      ObjectNode before = remote();
      ObjectNode after = remote();
      setConfig(stage(before, "StreamSelector_01"), "stageRequiredFields", TestCatalogs.JSON.nullNode());
      setConfig(stage(after, "StreamSelector_01"), "stageRecordPreconditions", TestCatalogs.JSON.createObjectNode());
      setConfig(after, "retryAttempts", DoubleNode.valueOf(-1.0));
      assertThat(diff(before, after)).isEmpty();
    }

    @Test
    void aConfigUnknownToTheCatalogAndMissingOnOneSideIsLeftToThePlatform() {
      ObjectNode before = remote();
      setConfig(before, "amazonEMRConfig.serviceRole", TextNode.valueOf("EMR_DefaultRole"));
      setConfig(stage(before, "Trash_01"), "someNewerEngineConfig", IntNode.valueOf(5));
      assertThat(diff(before, remote())).isEmpty();
    }

    @Test
    void aStatsAggregatorSettingEqualToTheStageObjectIsNoChange() {
      ObjectNode after = remote();
      PipelineEdits.removeConfig(after, "statsAggregatorStage");
      PipelineEdits.removeConfig(after, "badRecordsHandling");
      assertThat(diff(remote(), after)).isEmpty();
    }
  }

  @Nested
  class EachEditIsExactlyOneChange {

    @Test
    void aConfigValue() {
      ObjectNode after = remote();
      setConfig(stage(after, "DevRawDataSource_01"), "stopAfterFirstBatch", BooleanNode.TRUE);
      assertThat(diff(remote(), after)).containsExactly(new ConfigChanged(
          "DevRawDataSource_01", "stopAfterFirstBatch", "stop_after_first_batch",
          BooleanNode.FALSE, BooleanNode.TRUE, false));
    }

    @Test
    void aConfigSetToItsDefaultWhereTheRemoteOmitsIt() {
      ObjectNode before = remote();
      PipelineEdits.removeConfig(stage(before, "DevRawDataSource_01"), "stopAfterFirstBatch");
      ObjectNode after = remote();
      setConfig(stage(after, "DevRawDataSource_01"), "stopAfterFirstBatch", BooleanNode.TRUE);
      assertThat(diff(before, after)).containsExactly(new ConfigChanged(
          "DevRawDataSource_01", "stopAfterFirstBatch", "stop_after_first_batch",
          BooleanNode.FALSE, BooleanNode.TRUE, false));
    }

    @Test
    void aServiceConfig() {
      ObjectNode after = remote();
      ObjectNode service = (ObjectNode) stage(after, "DevRawDataSource_01").get("services").get(0);
      setConfig(service, "dataFormat", TextNode.valueOf("TEXT"));
      assertThat(diff(remote(), after)).containsExactly(new ServiceConfigChanged(
          "DevRawDataSource_01", PARSER_SERVICE, "dataFormat", "data_format",
          TextNode.valueOf("JSON"), TextNode.valueOf("TEXT"), false));
    }

    @Test
    void aStageAdded() {
      ObjectNode after = remote();
      ObjectNode trash = stage(after, "Trash_02").deepCopy();
      trash.put("instanceName", "Trash_03").putArray("inputLanes");
      trash.withObjectProperty("uiInfo").put("label", "Trash 3");
      after.withArray("stages").add(trash);
      assertThat(diff(remote(), after)).containsExactly(new StageAdded("Trash_03", trash(), "Trash 3"));
    }

    @Test
    void aStageRemovedWithItsConnection() {
      ObjectNode after = remote();
      removeStage(after, "Trash_02");
      // The selector's default lane now leads nowhere; the connection to Trash_02 is gone.
      assertThat(diff(remote(), after)).containsExactly(
          new StageRemoved("Trash_02", trash(), "Trash 2"),
          new ConnectionRemoved(new Connection("StreamSelector_01", "default", "default", "Trash_02", ConnectionKind.DATA)));
    }

    @Test
    void aStageRenamedWithTheSameConfigAndNeighbours() {
      ObjectNode after = remote();
      stage(after, "Trash_01").put("instanceName", "BigExpenses_01");
      assertThat(diff(remote(), after)).containsExactly(new StageRenamed("Trash_01", "BigExpenses_01", trash()));
    }

    @Test
    void aRenamedChainOfStagesIsFoundAsRenames() {
      ObjectNode after = remote();
      renameInstance(after, "StreamSelector_01", "Router_01");
      renameInstance(after, "Trash_01", "Big_01");
      assertThat(diff(remote(), after)).containsExactly(
          new StageRenamed("Trash_01", "Big_01", trash()),
          new StageRenamed("StreamSelector_01", "Router_01", new StageRef(BASIC, SELECTOR, "1", "Stream Selector")));
    }

    @Test
    void aStageMovedElsewhereIsNotARename() {
      ObjectNode after = remote();
      // Trash_01 gone, a same-looking Trash_09 added behind the default output instead.
      removeStage(after, "Trash_01");
      ObjectNode moved = stage(after, "Trash_02").deepCopy();
      moved.put("instanceName", "Trash_09");
      after.withArray("stages").add(moved);
      List<Change> changes = diff(remote(), after);
      assertThat(changes).filteredOn(StageRenamed.class::isInstance).isEmpty();
      assertThat(changes).contains(
          new StageRemoved("Trash_01", trash(), "Trash 1"),
          new StageAdded("Trash_09", trash(), "Trash 2"));
    }

    @Test
    void aPredicateExpressionEditedInPlace() {
      ObjectNode after = remote();
      ((ObjectNode) predicates(after).get(0)).put("predicate", BIGGER);
      assertThat(diff(remote(), after)).containsExactly(new PredicateChanged("StreamSelector_01", 1, BIG, BIGGER));
    }

    @Test
    void aPredicateAddedInFrontAsTheUiDoes() {
      ObjectNode after = remote();
      ObjectNode selector = stage(after, "StreamSelector_01");
      selector.withArray("outputLanes").insert(0, "StreamSelector_01OutputLaneNew");
      predicates(after).insertObject(0).put("outputLane", "StreamSelector_01OutputLaneNew").put("predicate", REFUND);
      stage(after, "Trash_02").withArray("inputLanes").add("StreamSelector_01OutputLaneNew");
      assertThat(diff(remote(), after)).containsExactly(
          new PredicateChanged("StreamSelector_01", 1, null, REFUND),
          new ConnectionAdded(new Connection("StreamSelector_01", REFUND, "1", "Trash_02", ConnectionKind.DATA)));
    }

    @Test
    void predicatesInAnotherOrder() {
      ObjectNode before = remote();
      predicates(before).insertObject(0).put("outputLane", "L9").put("predicate", REFUND);
      stage(before, "StreamSelector_01").withArray("outputLanes").insert(0, "L9");
      stage(before, "Trash_02").withArray("inputLanes").add("L9");
      ObjectNode after = before.deepCopy();
      ArrayNode preds = predicates(after);
      JsonNode first = preds.remove(0);
      preds.insert(1, first);
      List<Change> changes = diff(before, after);
      assertThat(changes).containsExactly(new PredicatesReordered(
          "StreamSelector_01", List.of(REFUND, BIG, "default"), List.of(BIG, REFUND, "default")));
    }

    @Test
    void anEventConnectionAdded() {
      ObjectNode after = remote();
      stage(after, "Trash_01").withArray("inputLanes").add("DevRawDataSource_01_EventLane");
      assertThat(diff(remote(), after)).containsExactly(new ConnectionAdded(
          new Connection("DevRawDataSource_01", "event", "event", "Trash_01", ConnectionKind.EVENT)));
    }

    @Test
    void aParameterChanged() {
      ObjectNode after = remote();
      setConfig(after, "constants", TestCatalogs.JSON.createArrayNode().add(
          TestCatalogs.JSON.createObjectNode().put("key", "LIMIT").put("value", 20000)));
      assertThat(diff(remote(), after)).containsExactly(
          new ParameterChanged("LIMIT", IntNode.valueOf(10000), IntNode.valueOf(20000), false));
    }

    @Test
    void theErrorStageChangedToWriteToFile() {
      ObjectNode after = remote();
      ObjectNode error = after.withObjectProperty("errorStage");
      error.put("instanceName", "WritetoFile_ErrorStage").put("stageName", WRITE_TO_FILE);
      setConfig(error, "directory", TextNode.valueOf("/data/errors"));
      setConfig(after, "badRecordsHandling", TextNode.valueOf(BASIC + "::" + WRITE_TO_FILE + "::1"));
      assertThat(diff(remote(), after)).containsExactly(
          new SpecialStageChanged(SpecialStage.ERROR_RECORDS,
              new StageRef(BASIC, DISCARD, "1", "Discard"), new StageRef(BASIC, WRITE_TO_FILE, "1", "Write to File")),
          new ConfigChanged("WritetoFile_ErrorStage", "directory", "directory", null, TextNode.valueOf("/data/errors"), false));
    }

    @Test
    void aPipelineSettingTitleAndLabels() {
      ObjectNode after = remote();
      setConfig(after, "deliveryGuarantee", TextNode.valueOf("AT_MOST_ONCE"));
      after.put("title", "Expense router v2");
      after.withObjectProperty("metadata").putArray("labels").add("finance");
      assertThat(diff(remote(), after)).containsExactly(
          new TitleChanged("Expense router", "Expense router v2"),
          new LabelsChanged(List.of(), List.of("finance")),
          new SettingChanged("deliveryGuarantee", "delivery_guarantee",
              TextNode.valueOf("AT_LEAST_ONCE"), TextNode.valueOf("AT_MOST_ONCE"), false));
    }

    @Test
    void aStageVersionBumpAndALabel() {
      ObjectNode after = remote();
      stage(after, "DevRawDataSource_01").put("stageVersion", "4");
      stage(after, "Trash_01").withObjectProperty("uiInfo").put("label", "Big expenses");
      assertThat(diff(remote(), after)).containsExactly(
          new StageDefinitionChanged("DevRawDataSource_01",
              new StageRef(TestCatalogs.DEV, RAW_DATA, "3", "Dev Raw Data Source"),
              new StageRef(TestCatalogs.DEV, RAW_DATA, "4", "Dev Raw Data Source")),
          new StageLabelChanged("Trash_01", "Trash 1", "Big expenses"));
    }
  }

  @Test
  void theHandMadeExampleReadsAsItsEdits() {
    FlowDiff diff = differ.diff(remote(), desired(), mini);
    assertThat(diff.changes()).containsExactly(
        new LabelsChanged(List.of(), List.of("finance")),
        new ParameterChanged("LIMIT", IntNode.valueOf(10000), IntNode.valueOf(20000), false),
        new StageAdded("Trash_03", trash(), "Trash 3"),
        new ConfigChanged("DevRawDataSource_01", "stopAfterFirstBatch", "stop_after_first_batch",
            BooleanNode.FALSE, BooleanNode.TRUE, false),
        new PredicateChanged("StreamSelector_01", 1, BIG, BIGGER),
        new PredicateChanged("StreamSelector_01", 2, null, REFUND),
        new ConnectionAdded(new Connection("StreamSelector_01", REFUND, "2", "Trash_03", ConnectionKind.DATA)));
    assertThat(diff.toAdd()).isEqualTo(1);
    assertThat(diff.toChange()).isEqualTo(6);
    assertThat(diff.toDelete()).isZero();
  }

  @Test
  void aNewFlowIsEveryStageAndConnectionAdded() {
    FlowDiff diff = differ.diff(null, remote(), mini);
    assertThat(diff.toAdd()).isEqualTo(5);
    assertThat(diff.changes()).filteredOn(ConnectionAdded.class::isInstance).hasSize(4);
    assertThat(diff.changes()).contains(new TitleChanged(null, "Expense router"));
    assertThat(diff.toDelete()).isZero();
  }

  @Test
  void aDeletedFlowIsEveryStageAndConnectionRemoved() {
    FlowDiff diff = differ.diff(remote(), null, mini);
    assertThat(diff.toDelete()).isEqualTo(5);
    assertThat(diff.changes()).hasSize(5 + 4);
    assertThat(diff.changes()).allMatch(c -> c instanceof StageRemoved || c instanceof ConnectionRemoved);
  }

  @Test
  void theResultIsTheSameWhateverTheInputOrder() {
    ObjectNode shuffled = PipelineEdits.renameLanes(PipelineEdits.shuffleStages(desired(), 3));
    assertThat(differ.diff(remote(), shuffled, mini)).isEqualTo(differ.diff(remote(), desired(), mini));
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static ArrayNode predicates(ObjectNode pipeline) {
    for (JsonNode c : stage(pipeline, "StreamSelector_01").get("configuration")) {
      if ("lanePredicates".equals(c.path("name").asText())) {
        return (ArrayNode) c.get("value");
      }
    }
    throw new IllegalStateException("no lanePredicates");
  }

  private static void removeStage(ObjectNode pipeline, String instance) {
    ArrayNode stages = pipeline.withArray("stages");
    for (int i = 0; i < stages.size(); i++) {
      if (instance.equals(stages.get(i).path("instanceName").asText())) {
        stages.remove(i);
        return;
      }
    }
  }

  /** A rename as the UI does it: the instance name and the lanes named after it. */
  private static void renameInstance(ObjectNode pipeline, String from, String to) {
    String text = pipeline.toString().replace("\"" + from, "\"" + to);
    ObjectNode renamed = (ObjectNode) TestCatalogs.readTree(text);
    pipeline.removeAll();
    pipeline.setAll(renamed);
  }
}
