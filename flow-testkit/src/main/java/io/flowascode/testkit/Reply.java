package io.flowascode.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer a test server sends: status, headers and body bytes.
 *
 * @param changedState true when the request changed the server's state (a write that took
 *     effect), which makes the answer eligible for a dropped-response fault
 */
record Reply(int status, Map<String, String> headers, byte[] body, boolean changedState) {
  /** Pretty-printed like the platform's Jackson output (`"key" : value`). */
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Reply json(int status, JsonNode body) {
    try {
      return new Reply(
          status, headers("Content-Type", "application/json"),
          JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8), false);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Reply empty(int status) {
    return new Reply(status, new LinkedHashMap<>(), new byte[0], false);
  }

  /** A plain-text answer, as Jersey sends a request body it cannot map. */
  static Reply text(int status, String text) {
    return new Reply(status, headers("Content-Type", "text/plain"), text.getBytes(StandardCharsets.UTF_8), false);
  }

  static Reply html(int status, String html) {
    return new Reply(
        status, headers("Content-Type", "text/html;charset=iso-8859-1"), html.getBytes(StandardCharsets.ISO_8859_1),
        false);
  }

  Reply withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Reply(status, copy, body, changedState);
  }

  Reply afterWrite() {
    return new Reply(status, headers, body, true);
  }

  private static Map<String, String> headers(String name, String value) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(name, value);
    return headers;
  }
}
