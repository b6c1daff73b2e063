package io.flowascode.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageOrderTest {
  private final ArrayNode stages = JsonNodeFactory.instance.arrayNode();

  private void stage(String name, List<String> inputs, List<String> outputs, List<String> events) {
    ObjectNode stage = stages.addObject();
    stage.put("instanceName", name);
    inputs.forEach(stage.putArray("inputLanes")::add);
    outputs.forEach(stage.putArray("outputLanes")::add);
    events.forEach(stage.putArray("eventLanes")::add);
  }

  private List<String> sortedNames() {
    List<String> names = new ArrayList<>();
    StageOrder.sorted(stages).forEach(s -> names.add(s.get("instanceName").asText()));
    return names;
  }

  @Test
  void a_stage_placed_in_a_pass_feeds_later_stages_of_the_same_pass() {
    stage("origin", List.of(), List.of("a"), List.of());
    stage("middle", List.of("a"), List.of("b"), List.of());
    stage("sink", List.of("b"), List.of(), List.of());
    assertThat(sortedNames()).containsExactly("origin", "middle", "sink");
  }

  @Test
  void consumers_listed_first_wait_for_a_later_pass() {
    stage("sink", List.of("b"), List.of(), List.of());
    stage("middle", List.of("a"), List.of("b"), List.of());
    stage("origin", List.of(), List.of("a"), List.of());
    assertThat(sortedNames()).containsExactly("origin", "middle", "sink");
  }

  @Test
  void a_stage_with_several_inputs_waits_for_all_of_them() {
    stage("join", List.of("a", "b"), List.of(), List.of());
    stage("second", List.of(), List.of("b"), List.of());
    stage("first", List.of(), List.of("a"), List.of());
    assertThat(sortedNames()).containsExactly("second", "first", "join");
  }

  @Test
  void event_lanes_count_as_produced() {
    stage("executor", List.of("origin_EventLane"), List.of(), List.of());
    stage("origin", List.of(), List.of("a"), List.of("origin_EventLane"));
    stage("trash", List.of("a"), List.of(), List.of());
    assertThat(sortedNames()).containsExactly("origin", "trash", "executor");
  }

  @Test
  void stages_that_can_never_be_placed_keep_their_order_at_the_end() {
    stage("orphanB", List.of("nowhere"), List.of(), List.of());
    stage("loop1", List.of("y"), List.of("x"), List.of());
    stage("origin", List.of(), List.of("a"), List.of());
    stage("loop2", List.of("x"), List.of("y"), List.of());
    assertThat(sortedNames()).containsExactly("origin", "orphanB", "loop1", "loop2");
  }

  @Test
  void the_same_nodes_are_returned_not_copies() {
    stage("origin", List.of(), List.of("a"), List.of());
    JsonNode first = stages.get(0);
    assertThat(StageOrder.sorted(stages).get(0)).isSameAs(first);
  }
}
