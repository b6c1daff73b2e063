package io.flowascode.engine.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The error a platform put in an answer's body, in any of its three shapes: Data Collector's
 * `{"RemoteException": {errorCode, localizedMessage, message}}`, IBM Cloud APIs'
 * `{"errors": [{code, message}]}`, and IAM's `{errorCode, errorMessage}`.
 *
 * @param code the platform's code (`CONTAINER_0205`, `not_found`, `BXNIM0415E`), or empty
 * @param message the readable text, or empty
 */
record RemoteError(String code, String message) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Optional<RemoteError> parse(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    JsonNode remote = root.get("RemoteException");
    if (remote != null && remote.isObject()) {
      String message = text(remote, "localizedMessage");
      return Optional.of(new RemoteError(text(remote, "errorCode"), message.isEmpty() ? text(remote, "message") : message));
    }
    JsonNode errors = root.get("errors");
    if (errors != null && errors.isArray() && errors.size() > 0) {
      return Optional.of(new RemoteError(text(errors.get(0), "code"), text(errors.get(0), "message")));
    }
    if (root.has("errorCode") || root.has("errorMessage")) {
      return Optional.of(new RemoteError(text(root, "errorCode"), text(root, "errorMessage")));
    }
    return Optional.empty();
  }

  /** `CODE: message`, or whichever part exists. */
  String describe() {
    if (code.isEmpty()) {
      return message;
    }
    if (message.isEmpty() || message.startsWith(code)) {
      // Data Collector's localized messages already start with their code.
      return message.isEmpty() ? code : message;
    }
    return code + ": " + message;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }
}
