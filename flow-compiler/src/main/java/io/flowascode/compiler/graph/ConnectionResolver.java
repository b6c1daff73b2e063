package io.flowascode.compiler.graph;

import io.flowascode.compiler.catalog.StageType;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.diagnostic.Suggestions;
import io.flowascode.model.ConnectionDecl;
import io.flowascode.model.ConnectionKind;
import io.flowascode.model.Located;
import io.flowascode.model.PortRef;
import io.flowascode.source.SourceFile;
import io.flowascode.source.Span;
import io.flowascode.yaml.NameFixes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves written connections into edges between resolved stages, reporting references to
 * undeclared stages or outputs and connections the platform forbids per stage type.
 */
public final class ConnectionResolver {
  private final Map<String, StageNode> byId;
  private final Set<String> declaredIds;
  private final Diagnostics out;
  private final SourceFile file;
  private final Set<String> writtenInputs = new HashSet<>();
  private final Set<String> writtenOutputs = new HashSet<>();

  /**
   * @param declaredIds every id under `stages:`, including stages that failed to resolve, so a
   *     broken stage does not also make each of its connections an error
   * @param file the flow file, whose text fixes for misspelled ids edit
   */
  public ConnectionResolver(Map<String, StageNode> byId, Set<String> declaredIds, SourceFile file, Diagnostics out) {
    this.byId = byId;
    this.declaredIds = declaredIds;
    this.file = file;
    this.out = out;
  }

  /**
   * The ids of stages some written connection goes into, whether or not it became an edge (for an
   * undeclared id, the declared stage nearest it): a connection in error is reported once, not
   * again as a stage that "receives nothing".
   */
  public Set<String> writtenInputs() {
    return Set.copyOf(writtenInputs);
  }

  /** The outputs (`stage|port`) some written connection reads, whether or not it became an edge. */
  public Set<String> writtenOutputs() {
    return Set.copyOf(writtenOutputs);
  }

  /** The key {@link #writtenOutputs()} uses for an output. */
  public static String outputKey(String stageId, String port) {
    return stageId + "|" + port;
  }

  public List<Edge> resolve(List<ConnectionDecl> connections) {
    List<Edge> edges = new ArrayList<>();
    Map<String, Span> seenLinks = new HashMap<>();
    Map<String, Edge> byPair = new HashMap<>();
    for (ConnectionDecl decl : connections) {
      for (ConnectionDecl.Link link : decl.links()) {
        Optional<StageNode> from = stage(link.from().stage());
        Optional<StageNode> to = stage(link.to().stage());
        meant(link.to().stage()).ifPresent(writtenInputs::add);
        if (link.kind() == ConnectionKind.DATA) {
          meant(link.from().stage()).map(byId::get).ifPresent(f -> markOutputWritten(f, link.from()));
        }
        if (link.to().port().isPresent()) {
          out.add(Diagnostic.of(Code.INVALID_CONNECTION_SYNTAX, link.to().port().get().span(),
                  "an output is chosen on the receiving side of `>>`")
              .label("inputs have no names")
              .help("write `" + link.to().stage().value() + "` without `[" + link.to().port().get().value() + "]`")
              .build());
        }
        if (from.isEmpty() || to.isEmpty()) {
          continue;
        }
        Optional<Edge> edge = link.kind() == ConnectionKind.DATA
            ? dataEdge(link, from.get(), to.get())
            : eventEdge(link, from.get(), to.get());
        if (edge.isEmpty()) {
          continue;
        }
        Edge e = edge.get();
        String linkKey = e.kind() + "|" + e.from().id() + "|" + e.port().map(OutputPort::key).orElse("") + "|" + e.to().id();
        Span first = seenLinks.putIfAbsent(linkKey, link.from().span());
        if (first != null) {
          out.add(Diagnostic.of(Code.DUPLICATE_CONNECTION, link.from().span().to(link.to().span()),
                  "`" + link.from() + " >> " + link.to().stage().value() + "` is written twice")
              .label("again")
              .related(first, "first written here")
              .help("remove one of them")
              .build());
          continue;
        }
        String pairKey = e.from().id() + "|" + e.to().id();
        Edge other = byPair.putIfAbsent(pairKey, e);
        // A data and an event lane between one pair is the mixed-input rule's case, reported there.
        if (other != null && other.kind() == e.kind()) {
          out.add(Diagnostic.of(Code.DUPLICATE_LANE, link.from().span().to(link.to().span()),
                  "`" + e.from().id() + "` already feeds `" + e.to().id() + "` through another "
                      + (other.kind() == ConnectionKind.EVENT ? "event lane" : "output"))
              .label("second lane between the same stages")
              .related(other.link().from().span(), "first lane here")
              .help("the platform allows one lane between two stages; route both conditions through one predicate, "
                  + "or put a stage in between")
              .build());
          continue;
        }
        edges.add(e);
      }
    }
    return edges;
  }

  /** The stage id a connection names, or for an undeclared one the declared id nearest to it. */
  private Optional<String> meant(Located<String> id) {
    if (declaredIds.contains(id.value())) {
      return Optional.of(id.value());
    }
    return Suggestions.best(id.value(), declaredIds);
  }

  /**
   * Marks the output a link reads as written, or the one its author most likely meant when the
   * link is in error: the only output, the output nearest a misspelled name, or, when no output
   * was chosen on a stage with several, all of them (E0517 asks which).
   */
  private void markOutputWritten(StageNode from, PortRef ref) {
    List<String> keys = from.outputs().stream().map(OutputPort::key).toList();
    if (ref.port().isEmpty() || keys.size() == 1) {
      keys.forEach(k -> writtenOutputs.add(outputKey(from.id(), k)));
      return;
    }
    String written = ref.port().get().value();
    Optional<String> meant = keys.contains(written) ? Optional.of(written) : Suggestions.best(written, keys);
    meant.ifPresent(k -> writtenOutputs.add(outputKey(from.id(), k)));
  }

  private Optional<StageNode> stage(Located<String> id) {
    StageNode node = byId.get(id.value());
    if (node != null) {
      return Optional.of(node);
    }
    if (!declaredIds.contains(id.value())) {
      Diagnostic.Builder b = Diagnostic.of(Code.UNKNOWN_STAGE_REF, id.span(), "no stage `" + id.value() + "` is declared")
          .label("unknown stage");
      Suggestions.didYouMean(id.value(), declaredIds).ifPresentOrElse(b::help,
          () -> b.help("declare it under `stages:`, or use one of " + String.join(", ",
              declaredIds.stream().sorted().limit(8).map(s -> "`" + s + "`").toList())));
      b.fixes(NameFixes.replaceWithin(file, id.span(), id.value(), Suggestions.closest(id.value(), declaredIds, 3)));
      out.add(b.build());
    }
    return Optional.empty();
  }

  private Optional<Edge> dataEdge(ConnectionDecl.Link link, StageNode from, StageNode to) {
    PortRef ref = link.from();
    StageType fromType = from.definition().type();
    if (fromType == StageType.DESTINATION || fromType == StageType.EXECUTOR) {
      out.add(Diagnostic.of(Code.OUTPUT_FROM_SINK, ref.stage().span(),
              "`" + from.id() + "` is " + article(fromType) + " and has no data output")
          .label(from.definition().label() + " is " + article(fromType))
          .help(from.definition().producesEvents()
              ? "to send its events, write the connection under `events:`"
              : "only origins and processors send records on")
          .build());
      return Optional.empty();
    }
    if (!checkTarget(link, from, to)) {
      return Optional.empty();
    }
    Optional<OutputPort> port = choosePort(ref, from);
    return port.map(p -> new Edge(ConnectionKind.DATA, from, Optional.of(p), to, link));
  }

  private Optional<Edge> eventEdge(ConnectionDecl.Link link, StageNode from, StageNode to) {
    PortRef ref = link.from();
    if (ref.port().isPresent()) {
      out.add(Diagnostic.of(Code.INVALID_CONNECTION_SYNTAX, ref.port().get().span(),
              "an event connection does not choose an output")
          .label("a stage has one event lane")
          .help("write `" + from.id() + " >> " + to.id() + "`")
          .build());
      return Optional.empty();
    }
    if (!from.definition().producesEvents()) {
      out.add(Diagnostic.of(Code.NO_EVENTS, ref.stage().span(), "`" + from.id() + "` (" + from.definition().label()
              + ") does not produce events")
          .label("no event lane")
          .help("connect records under `connections:` instead, or choose a stage that produces events")
          .build());
      return Optional.empty();
    }
    if (!checkTarget(link, from, to)) {
      return Optional.empty();
    }
    return Optional.of(new Edge(ConnectionKind.EVENT, from, Optional.empty(), to, link));
  }

  private boolean checkTarget(ConnectionDecl.Link link, StageNode from, StageNode to) {
    if (from.id().equals(to.id())) {
      out.add(Diagnostic.of(Code.SELF_CONNECTION, link.to().stage().span(), "`" + from.id() + "` is connected to itself")
          .label("same stage on both sides").build());
      return false;
    }
    if (to.definition().type() == StageType.ORIGIN) {
      out.add(Diagnostic.of(Code.INPUT_INTO_ORIGIN, link.to().stage().span(),
              "`" + to.id() + "` is an origin and cannot receive records")
          .label(to.definition().label() + " is an origin")
          .help("origins start a flow; connect `" + to.id() + "` to other stages, not other stages to it")
          .build());
      return false;
    }
    return true;
  }

  private Optional<OutputPort> choosePort(PortRef ref, StageNode from) {
    List<OutputPort> outputs = from.outputs();
    boolean selector = from.definition().hasPredicates();
    if (ref.port().isEmpty()) {
      if (outputs.size() == 1) {
        return Optional.of(outputs.get(0));
      }
      Diagnostic.Builder b = Diagnostic.of(Code.OUTPUT_NOT_CHOSEN, ref.stage().span(),
              "`" + from.id() + "` has " + outputs.size() + " outputs; choose one")
          .label("which output?");
      if (selector) {
        b.help("write `" + from.id() + "[<predicate>]` with one of " + keys(outputs));
      } else if (outputs.stream().anyMatch(o -> !o.key().chars().allMatch(Character::isDigit))) {
        b.help("write `" + from.id() + "[<output>]` with one of " + keys(outputs));
      } else {
        b.help("write `" + from.id() + "[N]` with N from 1 to " + outputs.size()
            + labelsNote(from));
      }
      out.add(b.build());
      return Optional.empty();
    }
    Located<String> port = ref.port().get();
    if (selector) {
      Optional<OutputPort> p = from.output(port.value());
      if (p.isPresent()) {
        return p;
      }
      out.add(unknownNamedPort(Diagnostic.of(Code.UNKNOWN_PREDICATE, port.span(),
              "`" + from.id() + "` has no predicate `" + port.value() + "`")
          .label("unknown predicate"), port, outputs));
      return Optional.empty();
    }
    if (outputs.size() > 1 || from.definition().laneConfig().isPresent()) {
      Optional<OutputPort> p = from.output(port.value());
      if (p.isPresent()) {
        return p;
      }
      if (outputs.stream().anyMatch(o -> !o.key().chars().allMatch(Character::isDigit))) {
        // A fragment's outputs have the names its file gives them.
        out.add(unknownNamedPort(Diagnostic.of(Code.NO_SUCH_OUTPUT, port.span(),
                "`" + from.id() + "` has no output `" + port.value() + "`")
            .label("unknown output"), port, outputs));
        return Optional.empty();
      }
      out.add(Diagnostic.of(Code.NO_SUCH_OUTPUT, port.span(),
              "`" + from.id() + "` has no output `" + port.value() + "`")
          .label("outputs are numbered 1 to " + outputs.size())
          .help("write `" + from.id() + "[N]` with N from 1 to " + outputs.size() + labelsNote(from))
          .build());
      return Optional.empty();
    }
    out.add(Diagnostic.of(Code.NOT_A_SELECTOR, port.span(),
            "`" + from.id() + "` (" + from.definition().label() + ") has a single output, not `" + port.value() + "`")
        .label("no outputs to choose from")
        .help("write `" + from.id() + " >> …` without `[" + port.value() + "]`; predicates belong to Stream Selector stages")
        .build());
    return Optional.empty();
  }

  /** A named output (a predicate, a fragment's output) that is not one: did you mean, with its fix. */
  private Diagnostic unknownNamedPort(Diagnostic.Builder b, Located<String> port, List<OutputPort> outputs) {
    List<String> outputKeys = outputs.stream().map(OutputPort::key).toList();
    Suggestions.didYouMean(port.value(), outputKeys)
        .ifPresentOrElse(b::help, () -> b.help("its outputs are " + keys(outputs)));
    b.fixes(NameFixes.replaceWithin(file, port.span(), port.value(), Suggestions.closest(port.value(), outputKeys, 3)));
    return b.build();
  }

  private static String labelsNote(StageNode from) {
    List<String> labels = from.definition().outputStreamLabels();
    if (labels.isEmpty()) {
      return "";
    }
    List<String> numbered = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      numbered.add((i + 1) + " = " + labels.get(i));
    }
    return " (" + String.join(", ", numbered) + ")";
  }

  private static String keys(List<OutputPort> outputs) {
    return String.join(", ", outputs.stream().map(p -> "`" + p.key() + "`").toList());
  }

  private static String article(StageType type) {
    return switch (type) {
      case ORIGIN -> "an origin";
      case PROCESSOR -> "a processor";
      case DESTINATION -> "a destination";
      case EXECUTOR -> "an executor";
    };
  }
}
