package io.flowascode.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.emit.CompiledFlow;
import io.flowascode.compiler.emit.PipelineEmitter;
import io.flowascode.compiler.identity.StableNames;
import io.flowascode.engine.diff.StageIdentities;
import java.util.Map;

/**
 * Keeps the stages of a flow bound to the remote stages they are: before a flow is diffed with its
 * remote, its stages take the instance names they have there ({@link StageIdentities}), and every
 * write records each stage's id and instance name in the pipeline's metadata, where the next plan
 * finds them. Moving stage blocks in the file, or adding a stage before others, then changes
 * nothing on the target. The record is bookkeeping the diff does not show, like the ownership mark.
 */
final class StableIdentity {
  private StableIdentity() {}

  /** The flow with its stages named as they are on the remote, where they exist there. */
  static DesiredFlow reconcile(DesiredFlow flow, JsonNode remote, Catalog catalog) {
    if (flow.compiled().isEmpty() || remote == null) {
      return flow;
    }
    CompiledFlow compiled = flow.compiled().get();
    Map<String, String> kept = StageIdentities.onRemote(StableNames.of(compiled), StableNames.pinned(compiled),
        flow.pipeline(), remote, catalog);
    CompiledFlow renamed = StableNames.keeping(compiled, kept);
    if (renamed == compiled) {
      return flow;
    }
    return flow.with(new PipelineEmitter(catalog).emit(renamed), renamed);
  }

  /** A copy of the pipeline recording each stage's id and instance name in its metadata. */
  static JsonNode recorded(JsonNode pipeline, DesiredFlow flow) {
    if (flow.compiled().isEmpty() || !pipeline.isObject()) {
      return pipeline;
    }
    ObjectNode copy = ((ObjectNode) pipeline).deepCopy();
    JsonNode metadata = copy.path("metadata");
    ObjectNode meta = metadata.isObject() ? (ObjectNode) metadata : copy.putObject("metadata");
    ObjectNode ids = meta.putObject(StageIdentities.METADATA_KEY);
    StableNames.of(flow.compiled().get()).forEach(ids::put);
    return copy;
  }
}
