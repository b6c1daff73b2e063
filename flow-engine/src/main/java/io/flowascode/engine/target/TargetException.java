package io.flowascode.engine.target;

/**
 * Why a target could not do what was asked. The kinds are fixed so callers can react to each (a
 * conflict means plan again, an unknown outcome means read before retrying). Messages say what
 * failed and where, and never contain credentials.
 */
public abstract sealed class TargetException extends Exception
    permits FlowConflictException,
        FlowExistsException,
        FlowNotFoundException,
        FlowRunningException,
        AmbiguousFlowException,
        AuthenticationException,
        TargetFailureException,
        OutcomeUnknownException {

  TargetException(String message, Throwable cause) {
    super(message, cause);
  }
}
