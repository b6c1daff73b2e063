package io.flowascode.compiler.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The platform's structural rules (NOTES §0.1, §3.2) checked on an emitted pipeline: what any
 * successful compile must satisfy, whatever the input was. Returns what is wrong, as text.
 */
final class PipelineSanity {
  private static final Pattern NAME = Pattern.compile("[0-9A-Za-z_]+");
  private static final Pattern PIPELINE_ID = Pattern.compile("[A-Za-z0-9_-]+");

  private PipelineSanity() {}

  static List<String> problems(JsonNode pipeline) {
    List<String> problems = new ArrayList<>();
    // A fragment on its own: its entry stage reads nothing and its outputs are left open.
    boolean fragment = pipeline.has("fragmentId");
    String id = pipeline.path(fragment ? "fragmentId" : "pipelineId").asText();
    if (!PIPELINE_ID.matcher(id).matches()) {
      problems.add((fragment ? "fragmentId `" : "pipelineId `") + id + "` is not a valid id");
    }
    if (pipeline.path("title").asText().isEmpty()) {
      problems.add("the title is empty");
    }
    if (!fragment && !NAME.matcher(pipeline.path("errorStage").path("instanceName").asText()).matches()) {
      problems.add("no valid error stage");
    }
    JsonNode stages = fragment ? pipeline.path("stages") : resolved(pipeline);
    Set<String> open = new HashSet<>();
    pipeline.path("uiInfo").path("fragmentStageConfiguration").path("outputLanes").forEach(l -> open.add(l.asText()));
    if (!stages.isArray() || stages.isEmpty()) {
      problems.add("no stages");
      return problems;
    }
    Set<String> names = new HashSet<>();
    Map<String, String> producer = new HashMap<>();
    Set<String> consumed = new HashSet<>();
    int origins = 0;
    for (JsonNode stage : stages) {
      String name = stage.path("instanceName").asText();
      if (!NAME.matcher(name).matches() || !names.add(name)) {
        problems.add("instance name `" + name + "` is invalid or used twice");
      }
      for (String field : List.of("outputLanes", "eventLanes")) {
        for (JsonNode lane : stage.path(field)) {
          if (!NAME.matcher(lane.asText()).matches() || producer.put(lane.asText(), name) != null) {
            problems.add("lane `" + lane.asText() + "` is invalid or produced twice");
          }
        }
      }
      stage.path("inputLanes").forEach(l -> consumed.add(l.asText()));
      Set<String> configNames = new HashSet<>();
      for (JsonNode c : stage.path("configuration")) {
        if (c.path("name").asText().isEmpty() || !configNames.add(c.path("name").asText())) {
          problems.add(name + ": configuration `" + c.path("name").asText() + "` is unnamed or set twice");
        }
        if (c.path("name").asText().equals("lanePredicates")) {
          predicates(name, c.path("value"), stage.path("outputLanes"), problems);
        }
      }
      String type = stage.path("uiInfo").path("stageType").asText();
      int inputs = stage.path("inputLanes").size();
      switch (type) {
        case "SOURCE" -> {
          origins++;
          if (inputs > 0) {
            problems.add(name + ": an origin with inputs");
          }
        }
        case "PROCESSOR" -> {
          if (inputs == 0 && !fragment) {
            problems.add(name + ": a processor with no input");
          }
        }
        case "TARGET", "EXECUTOR" -> {
          if (inputs == 0 && !fragment || stage.path("outputLanes").size() > 0) {
            problems.add(name + ": a destination or executor with no input or with outputs");
          }
        }
        default -> problems.add(name + ": unknown stage type `" + type + "`");
      }
    }
    if (fragment ? origins > 1 : origins != 1) {
      problems.add(origins + " origins");
    }
    for (JsonNode stage : stages) {
      String name = stage.path("instanceName").asText();
      Set<String> from = new HashSet<>();
      boolean data = false;
      boolean events = false;
      for (JsonNode lane : stage.path("inputLanes")) {
        String source = producer.get(lane.asText());
        if (source == null || source.equals(name)) {
          problems.add(name + ": input lane `" + lane.asText() + "` comes from no other stage");
        } else if (!from.add(source)) {
          problems.add(name + ": two lanes from " + source);
        }
        events |= lane.asText().endsWith("_EventLane");
        data |= !lane.asText().endsWith("_EventLane");
      }
      if (data && events) {
        problems.add(name + ": mixes data and event inputs");
      }
    }
    for (String lane : producer.keySet()) {
      if (!consumed.contains(lane) && !open.contains(lane)) {
        problems.add("lane `" + lane + "` of " + producer.get(lane) + " is read by no stage");
      }
    }
    return problems;
  }

  /** The stages the engine runs: each fragment's stages in place of the stage that stands for it. */
  private static JsonNode resolved(JsonNode pipeline) {
    JsonNode fragments = pipeline.path("fragments");
    if (!fragments.isArray() || fragments.isEmpty()) {
      return pipeline.path("stages");
    }
    com.fasterxml.jackson.databind.node.ArrayNode stages = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (JsonNode s : pipeline.path("stages")) {
      io.flowascode.compiler.fragment.FragmentCopies.of(s, fragments)
          .ifPresentOrElse(copy -> copy.path("stages").forEach(stages::add), () -> stages.add(s));
    }
    return stages;
  }

  private static void predicates(String stage, JsonNode list, JsonNode outputLanes, List<String> problems) {
    if (!list.isArray() || list.size() != outputLanes.size() || list.isEmpty()) {
      problems.add(stage + ": lanePredicates do not match the output lanes");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String predicate = list.get(i).path("predicate").asText();
      boolean last = i == list.size() - 1;
      if (last ? !predicate.equals("default") : !(predicate.startsWith("${") && predicate.endsWith("}"))) {
        problems.add(stage + ": predicate " + (i + 1) + " `" + predicate + "` is not allowed there");
      }
      // The engine matches a condition's lane by suffix: inside a fragment copy it has no prefix.
      if (!outputLanes.get(i).asText().endsWith(list.get(i).path("outputLane").asText())) {
        problems.add(stage + ": predicate " + (i + 1) + " is not for output lane " + (i + 1));
      }
    }
  }
}
