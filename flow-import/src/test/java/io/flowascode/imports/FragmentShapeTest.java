package io.flowascode.imports;

import io.flowascode.compiler.emit.PipelineTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.fragment.FragmentKind;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sample flows that use the sample fragment compile to pipelines shaped as the platform
 * writes a pipeline that uses a fragment, shown side by side with real ones (StreamSets Platform
 * exports, see {@code fragments/SOURCES.md}): each rule below is checked on every use of a
 * fragment in each pipeline, and must hold for all of them, real and compiled.
 */
class FragmentShapeTest {
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern NAME = Pattern.compile("(?<![\\w:./'\"])([A-Za-z_][A-Za-z0-9_]*)(?![\\w:('\"])");

  /** One use of a fragment: its placeholder, its copy, and the pipeline holding them. */
  private record Use(JsonNode pipeline, JsonNode placeholder, JsonNode copy) {
    String instanceId() {
      return copy.path("fragmentInstanceId").asText();
    }

    FragmentKind kind() {
      return FragmentKind.ofStageName(placeholder.path("stageName").asText()).orElseThrow();
    }

    List<String> lanes(JsonNode node, String field) {
      List<String> list = new ArrayList<>();
      node.path(field).forEach(l -> list.add(l.asText()));
      return list;
    }
  }

  /** The platform's shape, rule by rule, as real exports show it (docs/fragments.md §2). */
  private static final Map<String, Predicate<Use>> RULES = new LinkedHashMap<>();

  static {
    RULES.put("the placeholder is a Fragment Origin/Processor/Destination of the basic library, version 1", u ->
        u.placeholder().path("library").asText().equals(FragmentKind.LIBRARY)
            && u.placeholder().path("stageVersion").asText().equals("1"));
    RULES.put("its configs are conf.fragmentId and conf.fragmentInstanceId, naming the copy", u -> {
      Map<String, JsonNode> c = PipelineDefinitions.configMap(u.placeholder());
      return c.keySet().equals(Set.of(FragmentKind.FRAGMENT_ID, FragmentKind.INSTANCE_ID))
          && c.get(FragmentKind.FRAGMENT_ID).asText().equals(u.copy().path("fragmentId").asText())
          && c.get(FragmentKind.INSTANCE_ID).asText().equals(u.instanceId());
    });
    RULES.put("its instance name is <instance id>_Fragment{Origin,Processor,Destination}_1", u ->
        u.placeholder().path("instanceName").asText().equals(u.instanceId() + "_" + u.kind().placeholderName()));
    RULES.put("its uiInfo marks it: fragmentGroupStage, fragmentId, fragmentInstanceId, fragmentName (the title), parameterNamePrefix", u -> {
      JsonNode ui = u.placeholder().path("uiInfo");
      return ui.path("fragmentGroupStage").asBoolean(false)
          && ui.path("fragmentId").asText().equals(u.copy().path("fragmentId").asText())
          && ui.path("fragmentInstanceId").asText().equals(u.instanceId())
          && ui.path("fragmentName").asText().equals(u.copy().path("title").asText())
          && ui.has("parameterNamePrefix");
    });
    RULES.put("firstStageInstanceName names the entry stage unless the fragment is an origin", u ->
        u.placeholder().path("uiInfo").has("firstStageInstanceName") == (u.kind() != FragmentKind.ORIGIN));
    RULES.put("the placeholder has no event lanes", u -> u.placeholder().path("eventLanes").isEmpty());
    RULES.put("every stage of the copy is named <instance id>_<its name in the fragment> and marked in its uiInfo", u -> {
      for (JsonNode s : u.copy().path("stages")) {
        if (!s.path("instanceName").asText().startsWith(u.instanceId() + "_")
            || !s.path("uiInfo").path("fragmentInstanceId").asText().equals(u.instanceId())
            || !s.path("uiInfo").path("fragmentId").asText().equals(u.copy().path("fragmentId").asText())) {
          return false;
        }
      }
      return u.copy().path("stages").size() > 0;
    });
    RULES.put("every lane the copy's stages write is <instance id>_<its lane in the fragment>", u -> {
      for (JsonNode s : u.copy().path("stages")) {
        for (String lane : concat(u.lanes(s, "outputLanes"), u.lanes(s, "eventLanes"))) {
          if (!lane.startsWith(u.instanceId() + "_")) {
            return false;
          }
        }
      }
      return true;
    });
    RULES.put("the entry stage reads the placeholder's input lanes, unprefixed; the others read lanes of the copy", u -> {
      Set<String> written = written(u);
      String entry = u.instanceId() + "_" + u.placeholder().path("uiInfo").path("firstStageInstanceName").asText("");
      for (JsonNode s : u.copy().path("stages")) {
        List<String> inputs = u.lanes(s, "inputLanes");
        List<String> outside = inputs.stream().filter(l -> !written.contains(l)).toList();
        boolean isEntry = s.path("instanceName").asText().equals(entry);
        if (isEntry ? !outside.equals(u.lanes(u.placeholder(), "inputLanes")) : !outside.isEmpty()) {
          return false;
        }
      }
      return true;
    });
    RULES.put("the placeholder's output lanes are the copy's outputs (fragmentStageConfiguration), prefixed, in order", u -> {
      List<String> expected = new ArrayList<>();
      u.copy().path("uiInfo").path("fragmentStageConfiguration").path("outputLanes")
          .forEach(l -> expected.add(u.instanceId() + "_" + l.asText()));
      return u.lanes(u.placeholder(), "outputLanes").equals(expected) && written(u).containsAll(expected);
    });
    RULES.put("a Stream Selector's conditions in the copy keep their lanes unprefixed (the engine matches by suffix)", u -> {
      for (JsonNode s : u.copy().path("stages")) {
        JsonNode predicates = PipelineDefinitions.configMap(s).get("lanePredicates");
        if (predicates == null) {
          continue;
        }
        for (JsonNode p : predicates) {
          String lane = p.path("outputLane").asText();
          if (lane.startsWith(u.instanceId() + "_") || u.lanes(s, "outputLanes").stream().noneMatch(l -> l.endsWith("_" + lane))) {
            return false;
          }
        }
      }
      return true;
    });
    RULES.put("the copy's parameters carry the prefix, and the pipeline sets every one of them", u -> {
      String prefix = u.placeholder().path("uiInfo").path("parameterNamePrefix").asText();
      Set<String> pipelineKeys = new HashSet<>();
      PipelineDefinitions.configMap(u.pipeline()).getOrDefault("constants", com.fasterxml.jackson.databind.node.MissingNode.getInstance())
          .forEach(kv -> pipelineKeys.add(kv.path("key").asText()));
      for (JsonNode kv : io.flowascode.compiler.fragment.FragmentInstantiation.constants(u.copy())) {
        if (!kv.path("key").asText().startsWith(prefix) || !pipelineKeys.contains(kv.path("key").asText())) {
          return false;
        }
      }
      return true;
    });
    RULES.put("the copy's expressions name its parameters by their prefixed names", u -> {
      Set<String> unprefixed = new HashSet<>();
      String prefix = u.placeholder().path("uiInfo").path("parameterNamePrefix").asText();
      Set<String> prefixed = new HashSet<>();
      for (JsonNode kv : io.flowascode.compiler.fragment.FragmentInstantiation.constants(u.copy())) {
        prefixed.add(kv.path("key").asText());
        unprefixed.add(kv.path("key").asText().substring(prefix.length()));
      }
      unprefixed.removeAll(prefixed);
      boolean usesOne = false;
      Matcher e = EXPRESSION.matcher(u.copy().path("stages").toString());
      while (e.find()) {
        Matcher m = NAME.matcher(e.group(1));
        while (m.find()) {
          if (unprefixed.contains(m.group(1))) {
            return false;
          }
          usesOne |= prefixed.contains(m.group(1));
        }
      }
      return usesOne || prefixed.isEmpty();
    });
    RULES.put("the copy is a whole fragment: its uuid, title, configuration, fragmentStageConfiguration, no fragments of its own", u ->
        !u.copy().path("uuid").asText("").isEmpty() && u.copy().has("title") && u.copy().path("configuration").isArray()
            && u.copy().path("uiInfo").has("fragmentStageConfiguration") && u.copy().path("fragments").isEmpty());
  }

  @Test
  void theSamplesCompileToPipelinesShapedLikeRealOnes() throws Exception {
    Map<String, JsonNode> real = new LinkedHashMap<>();
    for (PipelineFiles.Document d : PipelineFiles.read(resources().resolve("onefoursix/splunk-pipelines.zip"))) {
      if (d.json().path("pipelineConfig").path("title").asText().equals("DB Query to Splunk Search (Part 1)")) {
        real.put("real: DB Query to Splunk Search (Part 1)", d.json().path("pipelineConfig"));
      }
    }
    for (PipelineFiles.Document d : PipelineFiles.read(resources().resolve("onefoursix/quick-start-pipelines.zip"))) {
      if (d.json().path("pipelineConfig").path("title").asText().equals("S3 Files to Snowflake (Direct)")) {
        real.put("real: S3 Files to Snowflake (Direct)", d.json().path("pipelineConfig"));
      }
    }
    Map<String, JsonNode> ours = new LinkedHashMap<>();
    FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);
    for (String sample : List.of("12-store-orders.flow.yaml", "13-partner-orders.flow.yaml")) {
      Compilation c = compiler.compile(Path.of("..", "samples", sample), "samples/" + sample);
      ours.put("ours: " + sample, PipelineTrees.tree(c.pipeline().orElseThrow(() -> new AssertionError(sample + ": " + c.diagnostics()))));
    }
    assertThat(real).hasSize(2);

    Map<String, JsonNode> all = new LinkedHashMap<>(real);
    all.putAll(ours);
    StringBuilder table = new StringBuilder("rule");
    all.keySet().forEach(k -> table.append(" | ").append(k));
    List<String> broken = new ArrayList<>();
    for (Map.Entry<String, Predicate<Use>> rule : RULES.entrySet()) {
      table.append('\n').append(rule.getKey());
      for (Map.Entry<String, JsonNode> p : all.entrySet()) {
        List<Use> uses = uses(p.getValue());
        long holds = uses.stream().filter(rule.getValue()).count();
        table.append(" | ").append(holds).append('/').append(uses.size());
        if (uses.isEmpty() || holds != uses.size()) {
          broken.add(p.getKey() + ": " + rule.getKey());
        }
      }
    }
    System.out.println(table);
    assertThat(broken).as("rules a pipeline breaks (the table above shows each)").isEmpty();
  }

  private static List<Use> uses(JsonNode pipeline) {
    List<Use> uses = new ArrayList<>();
    for (JsonNode s : pipeline.path("stages")) {
      if (FragmentKind.ofStageName(s.path("stageName").asText()).isPresent()) {
        JsonNode copy = ResolvedStages.match(s, pipeline.path("fragments"));
        if (copy != null) {
          uses.add(new Use(pipeline, s, copy));
        }
      }
    }
    return uses;
  }

  private static Set<String> written(Use u) {
    Set<String> lanes = new HashSet<>();
    for (JsonNode s : u.copy().path("stages")) {
      lanes.addAll(u.lanes(s, "outputLanes"));
      lanes.addAll(u.lanes(s, "eventLanes"));
    }
    return lanes;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Path resources() throws URISyntaxException {
    return Path.of(FragmentShapeTest.class.getResource("fragments").toURI());
  }
}
