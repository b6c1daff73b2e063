package io.flowascode.compiler.fragment;

import io.flowascode.compiler.catalog.StageDefinition;
import io.flowascode.compiler.catalog.StageType;
import io.flowascode.compiler.config.BoundConfig;
import io.flowascode.compiler.graph.OutputPort;
import io.flowascode.compiler.graph.StageNode;
import io.flowascode.model.ConnectionDecl;
import io.flowascode.model.ConnectionKind;
import io.flowascode.model.FragmentOutputDecl;
import io.flowascode.model.FragmentPorts;
import io.flowascode.model.Located;
import io.flowascode.model.PortRef;
import io.flowascode.model.StageDecl;
import io.flowascode.model.StageRef;
import io.flowascode.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stand-ins for a fragment's input and outputs while its stages are compiled: an origin that feeds
 * the input stage and one destination per output, connected by connections made from `input:` and
 * `outputs:`. The fragment's body then compiles, and is checked, exactly like a flow: the input
 * stage is fed, every exposed output is read, an unknown stage or output in `input:`/`outputs:` is
 * reported where it is written. The stand-ins are removed from what is emitted
 * ({@link FragmentJson}); the entry stage then reads nothing, as in a fragment export.
 */
public final class PortStages {
  /** Ids no stage can have (stage ids are `[A-Za-z_][A-Za-z0-9_-]*`). */
  static final String INPUT_ID = "(input)";
  static final String OUTPUT_ID_PREFIX = "(output ";
  /** The lane the input stand-in writes; it is taken out of the entry stage's inputs. */
  static final String INPUT_LANE = "FragmentInput__lane";
  static final String INPUT_INSTANCE = "FragmentInput__";
  static final String OUTPUT_INSTANCE_PREFIX = "FragmentOutput__";

  private static final StageDefinition INPUT = StageDefinition.builder(FragmentKind.LIBRARY, "(fragment input)", "1",
      StageType.ORIGIN).label("the fragment's input").outputStreams(1).build();
  private static final StageDefinition OUTPUT = StageDefinition.builder(FragmentKind.LIBRARY, "(fragment output)", "1",
      StageType.DESTINATION).label("a fragment output").build();

  private final List<StageNode> nodes = new ArrayList<>();
  private final List<ConnectionDecl> connections = new ArrayList<>();

  /** @param withInput false when the fragment's input cannot be used (reported elsewhere) */
  public PortStages(FragmentPorts ports, boolean withInput) {
    if (withInput) {
      ports.input().ifPresent(input -> {
        StageNode node = node(INPUT_ID, input.span(), INPUT, INPUT_INSTANCE,
            List.of(new OutputPort(OutputPort.SINGLE, INPUT_LANE, Optional.empty())));
        nodes.add(node);
        connections.add(link(new PortRef(new Located<>(INPUT_ID, input.span()), Optional.empty(), input.span()),
            new PortRef(input, Optional.empty(), input.span()), input.span()));
      });
    }
    int n = 1;
    for (FragmentOutputDecl out : ports.outputs()) {
      String id = OUTPUT_ID_PREFIX + out.name().value() + ")";
      nodes.add(node(id, out.name().span(), OUTPUT, OUTPUT_INSTANCE_PREFIX + n++, List.of()));
      connections.add(link(out.port(), new PortRef(new Located<>(id, out.name().span()), Optional.empty(), out.name().span()),
          out.span()));
    }
  }

  public List<StageNode> nodes() {
    return List.copyOf(nodes);
  }

  public List<String> ids() {
    return nodes.stream().map(StageNode::id).toList();
  }

  /** The connections from the input stand-in and into the output stand-ins, in `outputs:` order. */
  public List<ConnectionDecl> connections() {
    return List.copyOf(connections);
  }

  static boolean isStandIn(String instanceName) {
    return instanceName.equals(INPUT_INSTANCE) || instanceName.startsWith(OUTPUT_INSTANCE_PREFIX);
  }

  /** The stand-in of the output with this name. */
  static String outputId(String name) {
    return OUTPUT_ID_PREFIX + name + ")";
  }

  private static StageNode node(String id, Span span, StageDefinition def, String instance, List<OutputPort> outputs) {
    StageRef ref = new StageRef(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), span);
    StageDecl decl = new StageDecl(new Located<>(id, span), ref, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), span);
    return new StageNode(decl, def, instance, def.label(), BoundConfig.empty(), outputs);
  }

  private static ConnectionDecl link(PortRef from, PortRef to, Span span) {
    return new ConnectionDecl(ConnectionKind.DATA, List.of(List.of(from), List.of(to)), span);
  }
}
