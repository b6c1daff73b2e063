package io.flowascode.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connections are named by what the outputs are, never by the lane strings. */
class TopologyTest {

  private static JsonNode pipeline(String stagesJson) {
    return TestCatalogs.readTree("{\"stages\": " + stagesJson + "}");
  }

  private static final String DEDUP = """
      [
        {"instanceName": "Source_01", "outputLanes": ["a"], "eventLanes": ["Source_01_EventLane"], "inputLanes": []},
        {"instanceName": "Dedup_01", "stageName": "com_streamsets_pipeline_stage_processor_dedup_DeDupDProcessor",
         "inputLanes": ["a"], "outputLanes": ["u", "d"]},
        {"instanceName": "Unique_01", "inputLanes": ["u"]},
        {"instanceName": "Dupes_01", "inputLanes": ["d"]},
        {"instanceName": "Finisher_01", "inputLanes": ["Source_01_EventLane"]},
        {"instanceName": "Orphan_01", "inputLanes": ["nobody-produces-this"]}
      ]""";

  @Test
  void fixedOutputsAreNumberedFromOneAndEventLanesAreEventConnections() {
    assertThat(Topology.connections(pipeline(DEDUP))).containsExactly(
        new Connection("Dedup_01", "1", "1", "Unique_01", ConnectionKind.DATA),
        new Connection("Dedup_01", "2", "2", "Dupes_01", ConnectionKind.DATA),
        new Connection("Source_01", "out", "", "Dedup_01", ConnectionKind.DATA),
        new Connection("Source_01", "event", "event", "Finisher_01", ConnectionKind.EVENT));
  }

  @Test
  void swappingTheOutputsOfAFixedOutputStageIsTwoConnectionsMoved() {
    JsonNode before = pipeline(DEDUP);
    ObjectNode after = (ObjectNode) before.deepCopy();
    PipelineEdits.stage(after, "Unique_01").putArray("inputLanes").add("d");
    PipelineEdits.stage(after, "Dupes_01").putArray("inputLanes").add("u");
    List<Change> changes = new FlowDiffer().diff(before, after, null).changes();
    // In display order: by source, output, then target.
    assertThat(changes).containsExactly(
        new Change.ConnectionAdded(new Connection("Dedup_01", "1", "1", "Dupes_01", ConnectionKind.DATA)),
        new Change.ConnectionRemoved(new Connection("Dedup_01", "1", "1", "Unique_01", ConnectionKind.DATA)),
        new Change.ConnectionRemoved(new Connection("Dedup_01", "2", "2", "Dupes_01", ConnectionKind.DATA)),
        new Change.ConnectionAdded(new Connection("Dedup_01", "2", "2", "Unique_01", ConnectionKind.DATA)));
  }

  @Test
  void routesOfAnHttpRouterCompareWithoutTheirLaneNames() {
    String router = """
        [
          {"instanceName": "HTTPRouter_01", "outputLanes": ["%1$s1", "%1$s2"], "inputLanes": [],
           "configuration": [{"name": "routerLaneConfigs", "value": [
             {"outputLane": "%1$s1", "httpMethod": "GET", "pathParam": "/"},
             {"outputLane": "%1$s2", "httpMethod": "POST", "pathParam": "/"}]}]},
          {"instanceName": "Get_01", "inputLanes": ["%1$s1"]},
          {"instanceName": "Post_01", "inputLanes": ["%1$s2"]}
        ]""";
    JsonNode before = pipeline(router.formatted("HTTPRouter_01OutputLane100"));
    JsonNode after = pipeline(router.formatted("HTTPRouter_01OutputLane_uuid_"));
    assertThat(new FlowDiffer().diff(before, after, null).changes()).isEmpty();

    ObjectNode edited = (ObjectNode) after.deepCopy();
    ((ObjectNode) PipelineEdits.stage(edited, "HTTPRouter_01").get("configuration").get(0).get("value").get(1))
        .put("httpMethod", "PUT");
    assertThat(new FlowDiffer().diff(before, edited, null).changes())
        .singleElement()
        .isInstanceOfSatisfying(Change.ConfigChanged.class, c -> assertThat(c.config()).isEqualTo("routerLaneConfigs"));
  }
}
