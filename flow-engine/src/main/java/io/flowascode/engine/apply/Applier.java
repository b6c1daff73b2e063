package io.flowascode.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.secrets.SecretResolver;
import io.flowascode.compiler.secrets.SecretSource;
import io.flowascode.engine.diff.FlowDiffer;
import io.flowascode.engine.plan.FlowAction;
import io.flowascode.engine.plan.FlowPlan;
import io.flowascode.engine.plan.Plan;
import io.flowascode.engine.target.RemoteFlow;
import io.flowascode.engine.target.Target;
import io.flowascode.engine.target.TargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies exactly a plan. Every write presents the revision the plan was computed against, so a
 * flow someone changed since is refused, never overwritten; a flow without changes costs nothing
 * beyond the plan's read.
 */
public final class Applier {
  /** How an outcome begins when the remote already held what the plan writes. */
  public static final String ALREADY_APPLIED = "already applied";

  private final Target target;
  private final Catalog catalog;
  private final int parallelism;
  private SecretSource secrets = SecretSource.NONE;

  /** @param catalog to tell whether a flow that moved since the plan already holds what it writes */
  public Applier(Target target, Catalog catalog, int parallelism) {
    this.target = target;
    this.catalog = catalog;
    this.parallelism = parallelism;
  }

  /** Where the values of the flows' secrets come from: a plan holds only their placeholders. */
  public Applier withSecrets(SecretSource source) {
    this.secrets = source;
    return this;
  }

  /**
   * Applies every flow of the plan, each refused when it moved on the target since the plan.
   *
   * @param snapshots the remote flows the plan was computed from, when it was computed just now;
   *     empty for a saved plan, whose flows are read again to detect drift
   */
  public ApplyReport apply(Plan plan, Map<String, RemoteFlow> snapshots) {
    List<FlowOutcome> outcomes = Parallel.map(plan.flows(), parallelism, f -> applyOne(f, Optional.ofNullable(snapshots.get(f.flowId()))));
    return new ApplyReport(outcomes);
  }

  private FlowOutcome applyOne(FlowPlan flow, Optional<RemoteFlow> snapshot) {
    try {
      return switch (flow.action()) {
        case NO_CHANGE -> FlowOutcome.of(flow.flowId(), Outcome.UNCHANGED, "");
        case CREATE -> create(flow, snapshot);
        case UPDATE -> update(flow, snapshot);
        case DELETE -> delete(flow, snapshot);
      };
    } catch (TargetException e) {
      FlowOutcome failed = Failures.outcome(flow.flowId(), e);
      return new FlowOutcome(failed.flowId(), failed.outcome(), masked(flow, failed.message()), failed.newRevision());
    } catch (SecretResolver.MissingSecretsException e) {
      return FlowOutcome.of(flow.flowId(), Outcome.FAILED, e.getMessage());
    }
  }

  /** A target's message may quote what it was sent: the secrets' values are taken out of it. */
  private String masked(FlowPlan flow, String message) {
    try {
      return SecretResolver.resolve(flow.desiredPipeline(), secrets).mask(message);
    } catch (SecretResolver.MissingSecretsException e) {
      return message;
    }
  }

  /** The pipeline to write: the plan's, with the secrets' values in. */
  private JsonNode written(FlowPlan flow) throws SecretResolver.MissingSecretsException {
    return SecretResolver.resolve(flow.desiredPipeline(), secrets).pipeline();
  }

  private FlowOutcome create(FlowPlan flow, Optional<RemoteFlow> snapshot)
      throws TargetException, SecretResolver.MissingSecretsException {
    if (snapshot.isEmpty()) {
      Optional<RemoteFlow> now = target.read(flow.flowId());
      if (now.isPresent()) {
        return holdsDesired(flow, now.get())
            ? FlowOutcome.of(flow.flowId(), Outcome.UNCHANGED, ALREADY_APPLIED + ": it already exists as this plan creates it")
            : drift(flow, "it was created on the remote after the plan was made");
      }
    }
    RemoteFlow created = target.createWith(flow.flowId(), written(flow));
    return new FlowOutcome(flow.flowId(), Outcome.CREATED, "", Optional.of(created.revision()));
  }

  private FlowOutcome update(FlowPlan flow, Optional<RemoteFlow> snapshot)
      throws TargetException, SecretResolver.MissingSecretsException {
    RemoteFlow current = snapshot.isPresent() ? snapshot.get() : target.read(flow.flowId()).orElse(null);
    if (current == null) {
      return drift(flow, "it was deleted on the remote after the plan was made");
    }
    if (!current.revision().equals(flow.remoteRevision())) {
      if (holdsDesired(flow, current)) {
        return FlowOutcome.of(flow.flowId(), Outcome.UNCHANGED, ALREADY_APPLIED + ": it already holds what this plan writes");
      }
      return drift(flow, "it changed on the remote after the plan was made (revision "
          + flow.remoteRevision() + " is now " + current.revision() + ")");
    }
    RemoteFlow saved = target.save(current, payload(written(flow), current));
    return new FlowOutcome(flow.flowId(), Outcome.UPDATED, flow.review().counts().stageWords(), Optional.of(saved.revision()));
  }

  private FlowOutcome delete(FlowPlan flow, Optional<RemoteFlow> snapshot) throws TargetException {
    RemoteFlow current = snapshot.isPresent() ? snapshot.get() : target.read(flow.flowId()).orElse(null);
    if (current == null) {
      return FlowOutcome.of(flow.flowId(), Outcome.UNCHANGED, ALREADY_APPLIED + ": it is deleted already");
    }
    if (!current.revision().equals(flow.remoteRevision())) {
      return drift(flow, "it changed on the remote after the plan was made; it is not deleted");
    }
    target.delete(flow.flowId());
    return FlowOutcome.of(flow.flowId(), Outcome.DELETED, "");
  }

  /** Whether the remote is, by the plan's own measure, what the plan would make it. */
  private boolean holdsDesired(FlowPlan flow, RemoteFlow remote) throws SecretResolver.MissingSecretsException {
    return new FlowDiffer().diff(remote.pipeline(), written(flow), catalog).isEmpty();
  }

  private static FlowOutcome drift(FlowPlan flow, String why) {
    return FlowOutcome.of(flow.flowId(), Outcome.REFUSED, why + "; run plan again and review the new plan");
  }

  /**
   * What is written: the desired pipeline with the remote's pipeline version, and the UI state a
   * person arranged in the UI that the flow does not set kept as it is: canvas positions and
   * other `uiInfo` entries of stages that already exist, the pipeline's `uiInfo` entries (preview
   * settings) and its metadata entries other than labels (Control Hub's `dpm.*`). The diff does
   * not show these, so writing them over would change what no plan announced. The fields that
   * identify a stored version (a uuid, `info`) are each target's to send back as its store wants
   * them: a content-hash revision is ours and never goes into a definition.
   */
  static ObjectNode payload(JsonNode desired, RemoteFlow remote) {
    ObjectNode body = ((ObjectNode) desired).deepCopy();
    JsonNode current = remote.pipeline();
    if (current.has("version")) {
      body.set("version", current.get("version"));
    }
    keepMissing(body, "uiInfo", current.path("uiInfo"));
    keepMissing(body, "metadata", current.path("metadata"));
    Map<String, JsonNode> uiByStage = new HashMap<>();
    for (JsonNode stage : current.path("stages")) {
      uiByStage.put(stage.path("instanceName").asText(), stage.path("uiInfo"));
    }
    for (JsonNode stage : body.path("stages")) {
      JsonNode old = uiByStage.get(stage.path("instanceName").asText());
      if (old != null && old.isObject() && stage.path("uiInfo").isObject()) {
        ObjectNode ui = (ObjectNode) stage.get("uiInfo");
        if (old.has("xPos")) {
          ui.set("xPos", old.get("xPos"));
          ui.set("yPos", old.get("yPos"));
        }
        keepMissing((ObjectNode) stage, "uiInfo", old);
      }
    }
    return body;
  }

  /** Adds to `body.field` (an object) the entries of `remote` it does not have. */
  private static void keepMissing(ObjectNode body, String field, JsonNode remote) {
    if (!remote.isObject() || remote.isEmpty()) {
      return;
    }
    JsonNode existing = body.get(field);
    ObjectNode target = existing != null && existing.isObject() ? (ObjectNode) existing : body.putObject(field);
    remote.properties().forEach(e -> {
      if (!target.has(e.getKey())) {
        target.set(e.getKey(), e.getValue().deepCopy());
      }
    });
  }

  /** Whether a plan would write anything; for `--detailed-exitcode`. */
  public static boolean hasChanges(Plan plan) {
    return plan.flows().stream().anyMatch(f -> f.action() != FlowAction.NO_CHANGE);
  }
}
