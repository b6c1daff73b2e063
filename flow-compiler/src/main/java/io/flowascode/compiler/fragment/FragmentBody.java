package io.flowascode.compiler.fragment;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.StageType;
import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.graph.Edge;
import io.flowascode.compiler.graph.FlowGraph;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.compiler.verify.PipelineIssue;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.model.ConnectionDecl;
import io.flowascode.model.FlowHeader;
import io.flowascode.model.FragmentOutputDecl;
import io.flowascode.model.FragmentPorts;
import io.flowascode.model.Located;
import io.flowascode.model.ParameterDecl;
import io.flowascode.source.SourceFile;
import io.flowascode.yaml.SourceMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stages of a fragment file while they compile: whether the fragment starts with an origin or
 * takes an input, the stand-ins of its input and outputs ({@link PortStages}), and, once compiled,
 * the fragment as the platform stores it and as flows use it.
 */
public final class FragmentBody {
  private final FlowHeader header;
  private final FragmentPorts ports;
  private final Map<String, StageNode> stages;
  private final Diagnostics out;
  private @Nullable PortStages standIns;
  private Optional<String> entryStage = Optional.empty();

  /** @param stages the fragment's own stages by id, as resolved */
  public FragmentBody(FlowHeader header, FragmentPorts ports, Map<String, StageNode> stages, Diagnostics out) {
    this.header = header;
    this.ports = ports;
    this.stages = Map.copyOf(stages);
    this.out = out;
  }

  /**
   * A fragment starts either with an origin or with the stage its `input:` names, not both and not
   * neither; false when it does not, so that rules about the whole graph wait for the fix.
   */
  public boolean checkShape() {
    List<StageNode> origins = stages.values().stream().filter(s -> s.definition().type() == StageType.ORIGIN).toList();
    boolean ok = true;
    if (ports.input().isPresent() && !origins.isEmpty()) {
      out.add(Diagnostic.of(Code.FRAGMENT_SHAPE, ports.input().get().span(),
              "the fragment starts with the origin `" + origins.get(0).id() + "`, so it takes no input")
          .label("an input into a fragment that has an origin")
          .related(origins.get(0).decl().id().span(), "the origin")
          .help("remove `input:` to make this a fragment flows start with, or remove the origin to make it one they send records into")
          .build());
      ok = false;
    } else if (ports.input().isEmpty() && origins.isEmpty() && !stages.isEmpty()) {
      out.add(Diagnostic.of(Code.FRAGMENT_SHAPE, header.id().span(), "the fragment has neither an origin nor an `input:`")
          .label("where do its records come from?")
          .help("name the stage that receives the records flows send into the fragment: `input: <stage id>`;"
              + " or add an origin to make a fragment flows start with")
          .build());
      ok = false;
    }
    standIns = new PortStages(ports, ports.input().isPresent() && origins.isEmpty());
    return ok;
  }

  /** The stand-ins of the fragment's input and outputs; {@link #checkShape()} decides them. */
  public List<StageNode> standIns() {
    return portStages().nodes();
  }

  public List<ConnectionDecl> connections() {
    return portStages().connections();
  }

  private PortStages portStages() {
    return Objects.requireNonNull(standIns, "checkShape() decides the stand-ins first");
  }

  /** The input stage reads only the fragment's input; no two outputs stand for the same stage output. */
  public void checkPorts(FlowGraph graph) {
    for (StageNode n : graph.stages()) {
      if (!n.id().equals(PortStages.INPUT_ID)) {
        continue;
      }
      for (Edge e : graph.outOf(n)) {
        entryStage = Optional.of(e.to().instanceName());
        List<Edge> others = graph.into(e.to()).stream().filter(x -> x.from() != n).toList();
        if (!others.isEmpty()) {
          out.add(Diagnostic.of(Code.FRAGMENT_SHAPE, ports.input().get().span(),
                  "`" + e.to().id() + "` is the fragment's input and also receives `" + others.get(0).from().id() + "`")
              .label("the input stage")
              .related(others.get(0).link().to().span(), "another input")
              .help("the platform gives the fragment's input stage only the records that enter the fragment;"
                  + " send `" + others.get(0).from().id() + "` to another stage")
              .build());
        }
      }
    }
    Map<String, FragmentOutputDecl> seen = new HashMap<>();
    for (FragmentOutputDecl o : ports.outputs()) {
      String port = o.port().stage().value() + o.port().port().map(p -> "[" + p.value() + "]").orElse("");
      FragmentOutputDecl first = seen.putIfAbsent(port, o);
      if (first != null) {
        out.add(Diagnostic.of(Code.DUPLICATE_FRAGMENT_OUTPUT, o.name().span(),
                "the outputs `" + first.name().value() + "` and `" + o.name().value() + "` both stand for `" + port + "`")
            .label("same stage output")
            .related(first.name().span(), "first here")
            .help("each output stands for one stage output; to send the same records out twice, connect both to one output in the flow")
            .build());
      }
    }
  }

  /** A fragment has two settings of its own; the flows that use it have the others. */
  public void checkSettings(io.flowascode.compiler.config.BoundConfig settings) {
    settings.written().forEach((key, entry) -> {
      if (!FragmentJson.OWN_SETTINGS.contains(key)) {
        out.add(Diagnostic.of(Code.UNKNOWN_SETTING, entry.key().span(), "a fragment has no setting `" + entry.key().value() + "`")
            .label("a setting of the flows that use the fragment")
            .help("a fragment's own settings are `execution_mode` and `test_origin`; set the others in each flow")
            .build());
      }
    });
  }

  public FragmentKind kind() {
    return FragmentKind.of(ports.input().isPresent() && entryStage.isPresent(), !ports.outputs().isEmpty());
  }

  /** The fragment as the platform stores it, from the pipeline emitted for the body. */
  public ObjectNode json(ObjectNode emitted) {
    return FragmentJson.of(emitted, header.id().value(), title(), header.description().map(Located::value).orElse(""),
        kind(), entryStage, FragmentJson.outputLanes(emitted, ports.outputs().size()));
  }

  public CompiledFragment compiled(SourceFile file, SourceMap map, CompiledFlow body, ObjectNode json,
      List<PipelineIssue> issues) {
    Map<String, JsonNode> parameters = new LinkedHashMap<>();
    for (ParameterDecl p : header.parameters()) {
      parameters.put(p.name().value(), p.value());
    }
    List<String> lanes = new ArrayList<>();
    json.path("uiInfo").path("fragmentStageConfiguration").path("outputLanes").forEach(l -> lanes.add(l.asText()));
    List<CompiledFragment.Output> outputs = new ArrayList<>();
    for (int i = 0; i < ports.outputs().size() && i < lanes.size(); i++) {
      outputs.add(new CompiledFragment.Output(ports.outputs().get(i).name().value(), lanes.get(i)));
    }
    return new CompiledFragment(file, map, header.id().value(), title(), kind(), parameters, entryStage, outputs, json,
        body, issues);
  }

  private String title() {
    return header.title().map(Located::value).orElse(header.id().value());
  }
}
