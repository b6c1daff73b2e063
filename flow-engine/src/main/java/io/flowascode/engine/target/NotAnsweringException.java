package io.flowascode.engine.target;

import java.io.IOException;

/**
 * A request not sent because the server has stopped answering: several requests in a row got no
 * answer within the timeout. Nothing was sent, so nothing changed; a dead server fails the run in
 * seconds instead of costing a timeout per flow and attempt.
 */
final class NotAnsweringException extends IOException {
  private static final long serialVersionUID = 1L;

  NotAnsweringException(String message) {
    super(message);
  }
}
