package io.flowascode.compiler.fragment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.compiler.verify.PipelineIssue;
import io.flowascode.source.SourceFile;
import io.flowascode.yaml.SourceMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fragment file compiled on its own: what the platform stores for it (a fragment export's
 * {@code pipelineFragmentConfig}), how flows connect to it, and what is needed to show a problem
 * found in a flow that uses it where the fragment file causes it.
 *
 * @param parameters the fragment's parameters and their defaults, in written order
 * @param entryStage the instance name of the stage the fragment's input feeds; empty for an origin fragment
 * @param outputs the fragment's outputs in written order, each with the lane of its stage's output
 * @param json the fragment as the platform stores and exports it
 * @param body the fragment's stages, as compiled (with the stand-ins of its input and outputs)
 * @param issues what the platform's rules find in the fragment on its own
 */
public record CompiledFragment(
    SourceFile source,
    SourceMap map,
    String id,
    String title,
    FragmentKind kind,
    Map<String, JsonNode> parameters,
    Optional<String> entryStage,
    List<Output> outputs,
    ObjectNode json,
    CompiledFlow body,
    List<PipelineIssue> issues) {

  public CompiledFragment {
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    outputs = List.copyOf(outputs);
    issues = List.copyOf(issues);
  }

  /** One output: the name flows connect from, the lane of the fragment stage's output it stands for. */
  public record Output(String name, String lane) {}

  /** Each stage's id in the fragment file, by its instance name in the fragment. */
  public Map<String, String> stageIds() {
    Map<String, String> ids = new LinkedHashMap<>();
    for (StageNode n : body.graph().stages()) {
      if (!PortStages.isStandIn(n.instanceName())) {
        ids.put(n.instanceName(), n.id());
      }
    }
    return ids;
  }
}
