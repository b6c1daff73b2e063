package io.flowascode.compiler.verify;

import org.jspecify.annotations.Nullable;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ServiceDefinition;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every rule works from: the pipeline, its definitions and lanes, and where issues go. */
final class Verification {
  private final PipelineModel pipeline;
  private final Catalog catalog;
  private final Definitions definitions;
  private final LaneGraph lanes;
  private final VerifierOptions options;
  private final List<PipelineIssue> issues;
  private @Nullable Component pipelineComponent;
  private final Map<StageInstance, Component> stageComponents = new HashMap<>();
  private final Map<StageInstance, Map<ServiceInstance, Component>> serviceComponents = new HashMap<>();

  Verification(PipelineModel pipeline, Catalog catalog, Definitions definitions, LaneGraph lanes, VerifierOptions options,
      List<PipelineIssue> issues) {
    this.pipeline = pipeline;
    this.catalog = catalog;
    this.definitions = definitions;
    this.lanes = lanes;
    this.options = options;
    this.issues = issues;
  }

  PipelineModel pipeline() {
    return pipeline;
  }

  Catalog catalog() {
    return catalog;
  }

  LaneGraph lanes() {
    return lanes;
  }

  VerifierOptions options() {
    return options;
  }

  List<PipelineIssue> issues() {
    return issues;
  }

  Optional<StageDefinition> definition(StageInstance stage) {
    return definitions.of(stage);
  }

  /**
   * The definition when the platform published it: one inferred from pipelines guesses types and
   * defaults, so the rules about config values do not judge by it.
   */
  Optional<StageDefinition> publishedDefinition(StageInstance stage) {
    return definitions.of(stage).filter(d -> !d.inferred());
  }

  /** The pipeline's settings as the engine sees them, missing ones at their defaults. */
  Component pipelineComponent() {
    if (pipelineComponent == null) {
      pipelineComponent = Component.of(null, null, catalog.pipelineConfigs(), pipeline.configurationEntries());
    }
    return pipelineComponent;
  }

  /** A stage's own configs as the engine sees them; its definition must be known. */
  Component component(StageInstance stage) {
    return stageComponents.computeIfAbsent(stage, s -> Component.of(s, null,
        definition(s).map(StageDefinition::configs).orElse(List.of()), s.configuration()));
  }

  /** One of a stage's services' configs as the engine sees them. */
  Component component(StageInstance stage, ServiceInstance service) {
    return serviceComponents.computeIfAbsent(stage, s -> new HashMap<>()).computeIfAbsent(service, svc -> {
      List<ConfigDefinition> defs = catalog.service(svc.service()).map(ServiceDefinition::configs).orElse(List.of());
      return Component.of(stage, svc.service(), defs, svc.configuration());
    });
  }

  void report(PipelineIssue issue) {
    issues.add(issue);
  }

  /** An issue the engine reports on save, about a stage (or the pipeline when null). */
  void report(@Nullable String platformCode, @Nullable StageInstance stage, String message) {
    issues.add(new PipelineIssue(platformCode, stage == null ? null : stage.issueName(), message));
  }

  /** An issue the engine files as the pipeline's, though it names a stage. */
  void reportForPipeline(@Nullable String platformCode, String message) {
    issues.add(new PipelineIssue(platformCode, null, message));
  }

  /** An issue the engine reports when it starts the stage. */
  void reportOnStart(@Nullable String platformCode, @Nullable StageInstance stage, String message) {
    issues.add(new PipelineIssue(platformCode, stage == null ? null : stage.issueName(), null, null, message, IssuePhase.START));
  }

  /** A problem the engine does not report but that keeps the pipeline from doing what it says. */
  void extra(@Nullable StageInstance stage, String message) {
    issues.add(new PipelineIssue(null, stage == null ? null : stage.issueName(), null, null, message, IssuePhase.EXTRA));
  }

  void note(@Nullable StageInstance stage, String message) {
    issues.add(PipelineIssue.note(stage == null ? null : stage.issueName(), message));
  }
}
