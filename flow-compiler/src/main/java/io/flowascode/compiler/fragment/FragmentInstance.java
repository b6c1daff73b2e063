package io.flowascode.compiler.fragment;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.model.FragmentUseDecl;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One use of a fragment in a flow, resolved: the fragment, the instance id its stages and lanes
 * are prefixed with, the prefix of its parameters, the value of each parameter for this use, and
 * the placeholder stage that stands for it on the flow's canvas.
 *
 * @param values every parameter of the fragment, in its order, with this use's value or the default
 */
public record FragmentInstance(
    FragmentUseDecl use,
    CompiledFragment fragment,
    String instanceId,
    String prefix,
    Map<String, JsonNode> values,
    StageNode placeholder) {

  public FragmentInstance {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The name the pipeline gives one of the fragment's stages (`Clean_1_FieldRemover_01`). */
  public String stageName(String fragmentStage) {
    return instanceId + "_" + fragmentStage;
  }

  /** The fragment stage a pipeline stage name stands for, when it is one of this instance's. */
  public java.util.Optional<String> fragmentStage(String pipelineStage) {
    String p = instanceId + "_";
    if (!pipelineStage.startsWith(p)) {
      return java.util.Optional.empty();
    }
    String inner = pipelineStage.substring(p.length());
    return fragment.stageIds().containsKey(inner) ? java.util.Optional.of(inner) : java.util.Optional.empty();
  }
}
