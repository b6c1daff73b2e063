package io.flowascode.compiler.verify;

import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.StageDefinition;
import java.util.List;
import java.util.Optional;

/** What every rule works from: the pipeline, its definitions and lanes, and where issues go. */
record Verification(
    PipelineView pipeline,
    Catalog catalog,
    Definitions definitions,
    LaneGraph lanes,
    VerifierOptions options,
    List<PipelineIssue> issues) {

  Optional<StageDefinition> definition(StageInstance stage) {
    return definitions.of(stage);
  }

  void report(String platformCode, StageInstance stage, String message) {
    issues.add(new PipelineIssue(platformCode, stage == null ? null : stage.issueName(), message));
  }

  void note(StageInstance stage, String message) {
    issues.add(PipelineIssue.note(stage == null ? null : stage.issueName(), message));
  }
}
