package io.flowascode.engine.target;

/**
 * Removes the blank flow a two-step create left when its first save was refused, so that a failed
 * create leaves nothing behind; the failure reported is the save's, with what became of the blank.
 */
final class BlankFlowUndo {
  private BlankFlowUndo() {}

  static TargetException undo(Target target, String flowId, TargetException saveFailure) {
    String outcome;
    try {
      target.delete(flowId);
      outcome = "the blank flow created for it was deleted again, so nothing was left behind";
    } catch (FlowNotFoundException gone) {
      outcome = "the blank flow created for it is gone already";
    } catch (TargetException e) {
      outcome = "the blank flow created for it could not be deleted (" + e.getMessage()
          + "); the next apply fills it in, or delete it by hand";
    }
    return withMessage(saveFailure, saveFailure.getMessage() + "; " + outcome);
  }

  /** The same kind of failure with a longer message, so callers still react to its kind. */
  private static TargetException withMessage(TargetException e, String message) {
    if (e instanceof AuthenticationException) {
      return new AuthenticationException(message);
    }
    if (e instanceof FlowConflictException c) {
      return new FlowConflictException(message, c.flowId(), c.expectedRevision(), c.actualRevision().orElse(null));
    }
    if (e instanceof FlowRunningException) {
      return new FlowRunningException(message);
    }
    if (e instanceof FlowNotFoundException) {
      return new FlowNotFoundException(message);
    }
    if (e instanceof TargetFailureException f) {
      return new TargetFailureException(message, f.status().isPresent() ? f.status().getAsInt() : null,
          f.errorCode().orElse(null), f.getCause());
    }
    return new TargetFailureException(message, e);
  }
}
