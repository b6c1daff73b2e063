package io.flowascode.engine.target;

import java.io.IOException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One write sent so that it is never done twice and never left in doubt when it can be known.
 *
 * <ul>
 *   <li>When its answer is lost (the connection cut, a timeout), the flow is read back: a write
 *       found applied succeeded; otherwise the outcome is unknown, since the request may still be
 *       on its way, and it is not sent again.
 *   <li>When the server answers with a transient failure (a 5xx without a lasting error code, as
 *       the target judges it), the flow is read back too: applied is success; untouched means the
 *       server finished with the request without applying it, so sending it again is not blind,
 *       and it is sent again within the retry policy.
 * </ul>
 *
 * @param <T> what a successful write yields
 */
final class SettledWrite<T> {
  /** What reading the flow back says about the write. */
  sealed interface Found<T> {}

  /** The flow holds what was written. */
  record Applied<T>(T result) implements Found<T> {}

  /** The flow is as it was before the write. */
  record Untouched<T>(String what) implements Found<T> {}

  /** Neither: someone else changed it, or it holds something else. */
  record Unclear<T>(String what) implements Found<T> {}

  interface Send {
    HttpResult send() throws IOException, TargetException;
  }

  interface ReadBack<T> {
    Found<T> check() throws TargetException;
  }

  /** Turns an answer into the result, or throws the failure it means. */
  interface Answer<T> {
    T accept(HttpResult answer) throws TargetException;
  }

  /** The target's own wording for what went wrong. */
  interface Wording {
    TargetException unreachable(IOException e);

    OutcomeUnknownException lost(IOException e, String found);

    OutcomeUnknownException readBackFailed(IOException lost, TargetException e);

    /** The usual wording: where, what was being done, and that the outcome is unknown. */
    static Wording of(String where, String action, UnaryOperator<String> redact,
        java.util.function.BiFunction<String, IOException, TargetException> unreachable) {
      return new Wording() {
        @Override
        public TargetException unreachable(IOException e) {
          return unreachable.apply(action, e);
        }

        @Override
        public OutcomeUnknownException lost(IOException e, String found) {
          return new OutcomeUnknownException(redact.apply("the answer from " + where + " was lost while " + action
              + " (" + HttpCaller.describe(e) + "), and reading back shows " + found
              + "; the change may still be applied: plan again before retrying"), e);
        }

        @Override
        public OutcomeUnknownException readBackFailed(IOException lost, TargetException e) {
          return new OutcomeUnknownException(redact.apply(where + " did not answer while " + action + " ("
              + HttpCaller.describe(lost) + "), and reading the flow back failed too: " + e.getMessage()
              + "; the change may still be applied: plan again before retrying"), lost);
        }
      };
    }
  }

  private final HttpCaller http;
  private final Predicate<HttpResult> transientAnswer;
  private final Wording wording;

  SettledWrite(HttpCaller http, Predicate<HttpResult> transientAnswer, Wording wording) {
    this.http = http;
    this.transientAnswer = transientAnswer;
    this.wording = wording;
  }

  T run(Send send, ReadBack<T> readBack, Answer<T> answer) throws TargetException {
    for (int attempt = 1; ; attempt++) {
      HttpResult result;
      try {
        result = send.send();
      } catch (IOException e) {
        if (HttpCaller.failedBeforeSending(e)) {
          throw wording.unreachable(e);
        }
        Found<T> found;
        try {
          found = readBack.check();
        } catch (TargetException failed) {
          throw wording.readBackFailed(e, failed);
        }
        if (found instanceof Applied<T> applied) {
          return applied.result();
        }
        throw wording.lost(e, found instanceof Untouched<T> u ? u.what() : ((Unclear<T>) found).what());
      }
      if (result.isSuccessful() || !transientAnswer.test(result)) {
        return answer.accept(result);
      }
      Found<T> found;
      try {
        found = readBack.check();
      } catch (TargetException failed) {
        return answer.accept(result);
      }
      if (found instanceof Applied<T> applied) {
        return applied.result();
      }
      if (found instanceof Unclear<T> || !http.pauseBeforeResending(attempt, result)) {
        return answer.accept(result);
      }
    }
  }
}
