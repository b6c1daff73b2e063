package io.flowascode.compiler.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.emit.Pipeline;
import io.flowascode.compiler.emit.PipelineTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks pipeline JSON against the platform's own rules, as Data Collector applies them when it
 * saves a pipeline (its {@code PipelineConfigurationValidator}: creation of every stage and
 * config, required and active configs, numbers, models, names, lanes, stage kinds, events,
 * execution modes, special stages) and when it starts a stage (Stream Selector predicates), each
 * issue located and coded as the engine reports it.
 *
 * <p>This is the one implementation of the platform's rules: the compiler reports what it finds on
 * the pipeline it emits, the loopback test server answers with it, and tests check pipelines with
 * it. Its verdicts are checked against a real engine's, recorded in the compiler's test resources.
 * It never throws on any input; a malformed pipeline is a list of issues.
 */
public final class PipelineVerifier {
  // In the order the engine runs its checks; the disconnection rule looks at what came before.
  private static final List<PipelineRule> RULES = List.of(
      new NameRules(),
      new CreationRules(),
      new StageTypeRules(),
      new ConfigRules(),
      new LaneRules(),
      new SpecialStageRules(),
      new ExecutionModeRules(),
      new PipelineSettingsRules(),
      new SelectorRules(),
      new OpenChoiceRules(),
      new DisconnectionRule());

  private PipelineVerifier() {}

  /** The issues of a compiled pipeline, for an engine with one origin per pipeline. */
  public static List<PipelineIssue> verify(Pipeline pipeline, Catalog catalog) {
    return verify(PipelineTrees.tree(pipeline), catalog, VerifierOptions.DEFAULT);
  }

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
    Optional<PipelineModel> view = new PipelineReader(issues).read(PipelineEnvelope.unwrap(pipeline));
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
