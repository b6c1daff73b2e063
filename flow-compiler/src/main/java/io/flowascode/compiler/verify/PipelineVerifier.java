package io.flowascode.compiler.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks pipeline JSON against the platform's own rules (instance and lane names, lane wiring,
 * stage kinds, events, Stream Selector predicates, special stages, definitions and config names),
 * tagging each issue with the code the platform reports for it.
 *
 * <p>It shares no code with the compiler's graph and checks on purpose: it is the independent
 * second opinion that compiled output is valid, and it also checks pipelines read from the
 * platform. It never throws on any input; a malformed pipeline is a list of issues.
 */
public final class PipelineVerifier {
  private static final List<PipelineRule> RULES = List.of(
      new NameRules(),
      new LaneRules(),
      new StageTypeRules(),
      new SelectorRules(),
      new SpecialStageRules(),
      new ConfigRules());

  private PipelineVerifier() {}

  /** {@link #verify(JsonNode, Catalog, VerifierOptions)} for an engine with one origin per pipeline. */
  public static List<PipelineIssue> verify(JsonNode pipeline, Catalog catalog) {
    return verify(pipeline, catalog, VerifierOptions.DEFAULT);
  }

  /**
   * The issues of a pipeline, in a stable order (rule by rule, stages in JSON order).
   *
   * @param pipeline a bare pipeline ({@code pipelineConfig}), an export envelope holding one, or an
   *     IBM flow holding one as {@code pipeline_definition}
   */
  public static List<PipelineIssue> verify(JsonNode pipeline, Catalog catalog, VerifierOptions options) {
    List<PipelineIssue> issues = new ArrayList<>();
    Optional<PipelineView> view = new PipelineReader(issues).read(PipelineReader.unwrap(pipeline));
    if (view.isEmpty()) {
      return List.copyOf(issues);
    }
    Definitions definitions = Definitions.resolve(view.get(), catalog, issues);
    Verification v = new Verification(view.get(), catalog, definitions, new LaneGraph(view.get().stages()), options, issues);
    for (PipelineRule rule : RULES) {
      rule.check(v);
    }
    return List.copyOf(issues);
  }
}
