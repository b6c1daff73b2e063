package io.flowascode.testkit;

import java.time.Duration;

/** What {@link FaultyProxy} does with one request. */
public sealed interface ProxyFault {
  /** Forwarded, and the answer relayed. */
  record Pass() implements ProxyFault {}

  /** Answered by the proxy with this status (and `Retry-After`, when given) without forwarding. */
  record Answer(int status, String retryAfter) implements ProxyFault {}

  /** The connection closed before anything was forwarded: the server never sees the request. */
  record Reset() implements ProxyFault {}

  /** Forwarded and processed, then the connection closed before any of the answer is relayed. */
  record DropAnswer() implements ProxyFault {}

  /** Held open without an answer until the client gives up or the proxy closes. */
  record Hang() implements ProxyFault {}

  /** Forwarded after waiting this long. */
  record Delay(Duration length) implements ProxyFault {}

  ProxyFault PASS = new Pass();

  static ProxyFault status(int status) {
    return new Answer(status, null);
  }
}
