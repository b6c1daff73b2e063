package io.flowascode.engine.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A place flows are deployed to: a local directory store, a Data Collector, or IBM watsonx.data
 * integration. Every change is guarded by the revision read before it, so two people applying at
 * once cannot silently overwrite each other.
 */
public interface Target extends AutoCloseable {

  /** The flow with this id, or empty when there is none. */
  Optional<RemoteFlow> read(String flowId) throws TargetException;

  /**
   * Creates an empty flow and returns it as the platform made it (its default pipeline and first
   * revision), ready for a {@link #save}.
   *
   * @throws FlowExistsException when a flow with this id exists
   */
  RemoteFlow create(String flowId, String title, String description) throws TargetException;

  /**
   * Creates the flow holding `pipeline`, so that the flow on the target is only ever absent or
   * complete, never the blank flow a plain {@link #create} leaves. Targets whose platform creates
   * with content in one request do so; the others create, save, and delete the blank flow again
   * when the save is refused.
   *
   * @throws FlowExistsException when a flow with this id exists
   * @throws OutcomeUnknownException when the answer was lost and reading back cannot tell
   */
  default RemoteFlow createWith(String flowId, JsonNode pipeline) throws TargetException {
    RemoteFlow blank = create(flowId, pipeline.path("title").asText(flowId), pipeline.path("description").asText(""));
    try {
      return save(blank, pipeline);
    } catch (OutcomeUnknownException e) {
      // The save may still be applied: deleting now could remove the flow it creates.
      throw e;
    } catch (TargetException e) {
      throw BlankFlowUndo.undo(this, flowId, e);
    }
  }

  /**
   * Replaces the flow's pipeline if its stored revision is still `expectedRevision`, and returns
   * the flow as stored (with its new revision).
   *
   * @throws FlowConflictException when the flow changed since `expectedRevision` was read
   * @throws OutcomeUnknownException when the answer was lost and reading back cannot tell
   */
  RemoteFlow save(String flowId, JsonNode pipeline, String expectedRevision) throws TargetException;

  /**
   * Replaces a flow that was just read, presenting its revision. Targets that need parts of the
   * stored flow to write (Data Collector's `info`) take them from `current` instead of reading again.
   */
  default RemoteFlow save(RemoteFlow current, JsonNode pipeline) throws TargetException {
    return save(current.id(), pipeline, current.revision());
  }

  /** Deletes the flow. */
  void delete(String flowId) throws TargetException;

  /** Every flow of this target (of its project, on watsonx). */
  List<RemoteFlowSummary> list() throws TargetException;

  /** The platform's raw `/rest/v1/definitions` answer, where the platform offers one. */
  Optional<JsonNode> definitions() throws TargetException;

  /**
   * Which stage definitions the target's flows are checked against, when it can say so cheaply (a
   * watsonx engine version); empty when only the definitions themselves tell.
   */
  default Optional<String> definitionsVersion() throws TargetException {
    return Optional.empty();
  }

  /**
   * Whether metadata labels survive other clients' saves. On watsonx, IBM's SDK resets them on every
   * save, so ownership must be recorded elsewhere there.
   */
  default boolean keepsLabels() {
    return true;
  }

  /** Where this target is, for messages: kind and location, never credentials. */
  String describe();

  @Override
  void close();
}
