package io.flowascode.imports;

import io.flowascode.compiler.emit.PipelineTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The round-trip proof's comparison sees the differences it is meant to see, and only those. */
class PipelineComparisonTest {
  private final Catalog catalog = BundledCatalog.load();

  private ObjectNode pipeline() {
    return new FlowCompiler(catalog, CompilerOptions.DEFAULT).compile(new SourceFile("t.flow.yaml", """
        flow: {id: t}
        stages:
          src: {label: Dev Raw Data Source, config: {stop_after_first_batch: true}}
          route:
            label: Stream Selector
            predicates: {big: '${record:value("/a") > 1}'}
          big: {label: Trash}
          rest: {label: Trash}
        connections:
          - src >> route
          - route[big] >> big
          - route[default] >> rest
        """)).pipeline().map(PipelineTrees::tree).orElseThrow();
  }

  private List<String> categories(JsonNode a, JsonNode b) {
    return PipelineComparison.compare(a, b, catalog).stream().map(PipelineComparison.Difference::category).toList();
  }

  private static ObjectNode stage(JsonNode pipeline, String instance) {
    for (JsonNode s : pipeline.get("stages")) {
      if (s.get("instanceName").asText().equals(instance)) {
        return (ObjectNode) s;
      }
    }
    throw new AssertionError(instance);
  }

  private static ObjectNode config(ObjectNode stage, String name) {
    for (JsonNode c : stage.get("configuration")) {
      if (c.get("name").asText().equals(name)) {
        return (ObjectNode) c;
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void aPipelineEqualsItselfAndAConfigLeftOutEqualsItsDefault() {
    ObjectNode a = pipeline();
    ObjectNode b = a.deepCopy();
    ArrayNode configs = (ArrayNode) stage(b, "DevRawDataSource_01").get("configuration");
    for (int i = configs.size() - 1; i >= 0; i--) {
      if (!configs.get(i).get("name").asText().equals("stopAfterFirstBatch")) {
        configs.remove(i);
      }
    }
    assertThat(categories(a, b)).isEmpty();
  }

  @Test
  void aChangedValueAMovedLaneAndAChangedPredicateAreDifferences() {
    ObjectNode a = pipeline();
    ObjectNode changedValue = a.deepCopy();
    config(stage(changedValue, "DevRawDataSource_01"), "stopAfterFirstBatch").put("value", false);
    assertThat(categories(a, changedValue)).containsExactly("stage config");

    ObjectNode movedLane = a.deepCopy();
    JsonNode big = stage(movedLane, "Trash_01").get("inputLanes");
    JsonNode rest = stage(movedLane, "Trash_02").get("inputLanes");
    stage(movedLane, "Trash_01").set("inputLanes", rest);
    stage(movedLane, "Trash_02").set("inputLanes", big);
    assertThat(categories(a, movedLane)).contains("data connection lost", "data connection added");

    ObjectNode predicate = a.deepCopy();
    ((ObjectNode) config(stage(predicate, "StreamSelector_01"), "lanePredicates").get("value").get(0))
        .put("predicate", "${record:value(\"/a\") > 2}");
    assertThat(categories(a, predicate)).contains("predicates");
  }

  @Test
  void whatAPersonSetsInTheUiAndSettingsOfOtherEnginesAreCompared() {
    ObjectNode a = pipeline();
    ObjectNode named = a.deepCopy();
    ((ObjectNode) stage(named, "Trash_01").get("uiInfo")).put("label", "Big orders");
    assertThat(categories(named, a)).containsExactly("stage UI name");

    ObjectNode mode = a.deepCopy();
    ((ObjectNode) stage(mode, "Trash_01").get("uiInfo")).put("displayMode", "ADVANCED");
    assertThat(categories(mode, a)).containsExactly("stage UI state");
    ObjectNode moved = a.deepCopy();
    ((ObjectNode) stage(moved, "Trash_01").get("uiInfo")).put("xPos", 999).put("icon", "trash.png");
    assertThat(categories(moved, a)).as("layout and icons are the UI's").isEmpty();

    ObjectNode preview = a.deepCopy();
    ((ObjectNode) preview.get("uiInfo")).putObject("previewConfig").put("batchSize", 10);
    assertThat(categories(preview, a)).containsExactly("pipeline UI state");

    ObjectNode metadata = a.deepCopy();
    ((ObjectNode) metadata.get("metadata")).put("dpm.pipeline.id", "x");
    assertThat(categories(metadata, a)).containsExactly("metadata");

    ObjectNode other = a.deepCopy();
    ((ArrayNode) other.get("configuration")).addObject().put("name", "memoryLimit").put("value", "1024");
    assertThat(categories(other, a)).containsExactly("setting not in the catalog");

    ObjectNode testOrigin = a.deepCopy();
    testOrigin.set("testOriginStage", stage(a, "DevRawDataSource_01").deepCopy());
    assertThat(categories(testOrigin, a)).containsExactly("test origin");
  }

  @Test
  void aConfigListedTwiceIsItsLastEntryAsTheEngineReadsIt() {
    ObjectNode a = pipeline();
    ObjectNode twice = a.deepCopy();
    ArrayNode configs = (ArrayNode) stage(twice, "DevRawDataSource_01").get("configuration");
    configs.insert(0, config(stage(a, "DevRawDataSource_01"), "stopAfterFirstBatch").deepCopy().put("value", false));
    assertThat(categories(twice, a)).isEmpty();
    configs.add(config(stage(a, "DevRawDataSource_01"), "stopAfterFirstBatch").deepCopy().put("value", false));
    assertThat(categories(twice, a)).containsExactly("stage config");
  }
}
