package io.flowascode.compiler.describe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.emit.PipelineJson;
import io.flowascode.compiler.graph.Edge;
import io.flowascode.compiler.graph.FlowGraph;
import io.flowascode.compiler.graph.OutputPort;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.model.ConnectionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A flow as the SDK shows it: `flow.stages` with instance names, and per stage `inputs`, `outputs`
 * and `events` (outputs of a selector carry the predicate name they leave through).
 */
public record FlowDescription(String id, String title, List<StageLine> stages) {

  /** One stage with the instance names connected to it. */
  public record StageLine(String instanceName, String label, String stageId, String type,
      List<String> inputs, List<String> outputs, List<String> events) {}

  public static FlowDescription of(CompiledFlow flow) {
    FlowGraph graph = flow.graph();
    List<StageLine> lines = new ArrayList<>();
    for (StageNode s : graph.stages()) {
      List<String> inputs = new ArrayList<>();
      for (Edge e : graph.into(s)) {
        if (e.kind() == ConnectionKind.DATA) {
          inputs.add(e.from().instanceName());
        } else {
          inputs.add(e.from().instanceName() + " (events)");
        }
      }
      List<String> outputs = new ArrayList<>();
      List<String> events = new ArrayList<>();
      for (Edge e : graph.outOf(s)) {
        if (e.kind() == ConnectionKind.EVENT) {
          events.add(e.to().instanceName());
        } else {
          String port = e.port().map(OutputPort::key).orElse(OutputPort.SINGLE);
          outputs.add(e.to().instanceName() + (port.equals(OutputPort.SINGLE) ? "" : " [" + port + "]"));
        }
      }
      lines.add(new StageLine(s.instanceName(), s.definition().label(), s.id(), s.definition().type().word(),
          inputs, outputs, events));
    }
    return new FlowDescription(flow.id(), flow.title(), lines);
  }

  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("flow ").append(id).append(" (").append(title).append(")\n");
    sb.append("stages: [").append(String.join(", ", stages.stream().map(StageLine::instanceName).toList())).append("]\n");
    for (StageLine s : stages) {
      sb.append('\n').append(s.instanceName()).append("  ").append(s.label()).append(", ").append(s.type())
          .append(", id `").append(s.stageId()).append("`\n");
      sb.append("  inputs:  ").append(list(s.inputs())).append('\n');
      sb.append("  outputs: ").append(list(s.outputs())).append('\n');
      sb.append("  events:  ").append(list(s.events())).append('\n');
    }
    return sb.toString();
  }

  private static String list(List<String> items) {
    return "[" + String.join(", ", items) + "]";
  }

  public String toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode().put("id", id).put("title", title);
    ArrayNode arr = root.putArray("stages");
    for (StageLine s : stages) {
      ObjectNode o = arr.addObject().put("instanceName", s.instanceName()).put("label", s.label())
          .put("id", s.stageId()).put("type", s.type());
      s.inputs().forEach(o.putArray("inputs")::add);
      s.outputs().forEach(o.putArray("outputs")::add);
      s.events().forEach(o.putArray("events")::add);
    }
    return PipelineJson.write(root);
  }
}
