package io.flowascode.compiler.fragment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.emit.Layout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The fragment as Data Collector stores and exports it ({@code PipelineFragmentConfigurationJson},
 * keys in the order real exports have them), made from the pipeline the compiler emits for the
 * fragment's body: the stand-ins of its input and outputs are taken out, so the entry stage reads
 * nothing and the outputs are the lanes left open, as in an export. See docs/fragments.md.
 */
public final class FragmentJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** `PipelineStoreTask.FRAGMENT_SCHEMA_VERSION` and `PipelineFragmentConfigBean.VERSION` of Data Collector 3.22. */
  public static final int SCHEMA_VERSION = 2;
  public static final int VERSION = 2;
  /** The fragment-level configs of `PipelineFragmentConfigBean`, in its order. */
  static final List<String> CONFIGS = List.of("executionMode", "testOriginStage", "constants");
  /** The settings a fragment file may set itself. */
  static final java.util.Set<String> OWN_SETTINGS = java.util.Set.of("executionMode", "testOriginStage");

  private FragmentJson() {}

  /** The lanes of the outputs, in `outputs:` order, read off the output stand-ins. */
  static List<String> outputLanes(ObjectNode emitted, int outputs) {
    List<String> lanes = new ArrayList<>();
    for (int i = 1; i <= outputs; i++) {
      String name = PortStages.OUTPUT_INSTANCE_PREFIX + i;
      for (JsonNode s : emitted.path("stages")) {
        if (name.equals(s.path("instanceName").asText())) {
          lanes.add(s.path("inputLanes").path(0).asText(""));
        }
      }
    }
    return lanes;
  }

  /**
   * @param emitted the pipeline emitted for the fragment's body, stand-ins included
   * @param entryStage the instance name of the stage the input feeds
   */
  static ObjectNode of(ObjectNode emitted, String id, String title, String description, FragmentKind kind,
      Optional<String> entryStage, List<String> outputLanes) {
    ObjectNode f = JSON.objectNode();
    f.put("schemaVersion", SCHEMA_VERSION);
    f.put("version", VERSION);
    f.put("fragmentId", id);
    f.put("fragmentInstanceId", id); // a fragment on its own is its own instance
    f.put("uuid", uuid(id));
    f.put("title", title);
    f.put("description", description);
    ArrayNode configuration = f.putArray("configuration");
    for (String name : CONFIGS) {
      for (JsonNode c : emitted.path("configuration")) {
        if (name.equals(c.path("name").asText())) {
          configuration.add(c.deepCopy());
        }
      }
    }
    f.putObject("uiInfo").set("fragmentStageConfiguration", placeholder(kind, entryStage, outputLanes));
    ArrayNode stages = f.putArray("stages");
    // Without the input's stand-in the canvas starts one column to the left.
    boolean withInput = false;
    for (JsonNode s : emitted.path("stages")) {
      withInput |= PortStages.INPUT_INSTANCE.equals(s.path("instanceName").asText());
    }
    for (JsonNode s : emitted.path("stages")) {
      if (PortStages.isStandIn(s.path("instanceName").asText())) {
        continue;
      }
      ObjectNode stage = (ObjectNode) s.deepCopy();
      ArrayNode inputs = stage.putArray("inputLanes");
      s.path("inputLanes").forEach(l -> {
        if (!PortStages.INPUT_LANE.equals(l.asText())) {
          inputs.add(l);
        }
      });
      if (withInput && stage.path("uiInfo") instanceof ObjectNode ui && ui.path("xPos").canConvertToInt()) {
        ui.put("xPos", ui.path("xPos").asInt() - Layout.DX);
      }
      stages.add(stage);
    }
    ObjectNode metadata = f.putObject("metadata");
    metadata.putArray("labels").add(kind.metadataLabel());
    f.putArray("fragments");
    f.putNull("testOriginStage");
    return f;
  }

  /**
   * The stage a fragment shows as on a canvas ({@code uiInfo.fragmentStageConfiguration}, what
   * Control Hub and the SDK record): the placeholder of the fragment's kind, its outputs the
   * fragment's open lanes.
   */
  private static ObjectNode placeholder(FragmentKind kind, Optional<String> entryStage, List<String> outputLanes) {
    ObjectNode p = JSON.objectNode();
    p.put("instanceName", kind.placeholderName());
    p.put("library", FragmentKind.LIBRARY);
    p.put("stageName", kind.stageName());
    p.put("stageVersion", FragmentKind.VERSION);
    ArrayNode configuration = p.putArray("configuration");
    configuration.addObject().put("name", FragmentKind.INSTANCE_ID);
    configuration.addObject().put("name", FragmentKind.FRAGMENT_ID);
    ObjectNode ui = p.putObject("uiInfo");
    ui.put("label", label(kind) + " 1");
    ui.put("description", "");
    ui.put("xPos", 60);
    ui.put("yPos", 50);
    ui.put("stageType", kind.type().platformName());
    ui.put("icon", "fragment.png");
    entryStage.ifPresent(e -> ui.put("firstStageInstanceName", e));
    p.putArray("inputLanes");
    ArrayNode outputs = p.putArray("outputLanes");
    outputLanes.forEach(outputs::add);
    p.putArray("eventLanes");
    p.putArray("services");
    return p;
  }

  /** `Fragment Origin`, `Fragment Processor`, `Fragment Destination`: the placeholders' labels. */
  static String label(FragmentKind kind) {
    return switch (kind) {
      case ORIGIN -> "Fragment Origin";
      case PROCESSOR -> "Fragment Processor";
      case DESTINATION -> "Fragment Destination";
    };
  }

  /**
   * The fragment's uuid, which Data Collector requires of every fragment a pipeline holds: made
   * from the fragment id, so that compiling twice gives the same pipeline.
   */
  static String uuid(String id) {
    return UUID.nameUUIDFromBytes(("fragment:" + id).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
