package io.flowascode.compiler.fragment;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes the pipeline of a flow that uses fragments as the platform stores it: each use's
 * placeholder stage marked as the fragment's (its `uiInfo` as Control Hub writes it), a copy of
 * the fragment per use in {@code fragments}, and each use's parameters, prefixed, among the
 * pipeline's runtime parameters, where the engine reads them.
 */
public final class FragmentAssembly {
  private FragmentAssembly() {}

  public static void complete(ObjectNode pipeline, List<FragmentInstance> instances) {
    if (instances.isEmpty()) {
      return;
    }
    ArrayNode fragments = pipeline.putArray("fragments");
    ArrayNode constants = constants(pipeline);
    for (FragmentInstance instance : instances) {
      ObjectNode placeholder = stage(pipeline, instance.placeholder().instanceName());
      List<String> inputs = new ArrayList<>();
      if (placeholder != null) {
        placeholder.path("inputLanes").forEach(l -> inputs.add(l.asText()));
        mark(placeholder, instance);
      }
      CompiledFragment f = instance.fragment();
      fragments.add(FragmentInstantiation.instantiate(f.json(), instance.instanceId(), instance.prefix(), inputs));
      if (constants != null) {
        instance.values().forEach((name, value) ->
            constants.addObject().put("key", instance.prefix() + name).put("value", value.asText()));
      }
    }
  }

  /** The placeholder's `uiInfo` as Control Hub writes it (its Control Hub version pins aside). */
  private static void mark(ObjectNode placeholder, FragmentInstance instance) {
    ObjectNode ui = placeholder.path("uiInfo") instanceof ObjectNode o ? o : placeholder.putObject("uiInfo");
    CompiledFragment f = instance.fragment();
    ui.put("icon", "fragment.png");
    ui.put("fragmentGroupStage", true);
    ui.put("fragmentId", f.id());
    ui.put("fragmentInstanceId", instance.instanceId());
    ui.put("fragmentName", f.title());
    ui.put("parameterNamePrefix", instance.prefix());
    f.entryStage().ifPresent(e -> ui.put("firstStageInstanceName", e));
  }

  private static @Nullable ObjectNode stage(ObjectNode pipeline, String instanceName) {
    for (JsonNode s : pipeline.path("stages")) {
      if (instanceName.equals(s.path("instanceName").asText()) && s instanceof ObjectNode o) {
        return o;
      }
    }
    return null;
  }

  private static @Nullable ArrayNode constants(ObjectNode pipeline) {
    for (JsonNode c : pipeline.path("configuration")) {
      if ("constants".equals(c.path("name").asText()) && c instanceof ObjectNode entry) {
        if (!entry.path("value").isArray()) {
          entry.putArray("value");
        }
        return (ArrayNode) entry.get("value");
      }
    }
    return null;
  }
}
