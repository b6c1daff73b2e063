package io.flowascode.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request a test server received, for assertions. The `Authorization` header is never
 * recorded, nor the body of a token request (it holds the API key).
 *
 * @param query the raw query string, empty when there is none
 * @param headers header names in lower case, `authorization` removed
 * @param status the status answered, or {@link #DROPPED} when the connection was cut instead
 */
public record RecordedRequest(
    String method, String path, String query, Map<String, List<String>> headers, String body, int status) {

  public static final int DROPPED = -1;

  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header (case-insensitive name), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public boolean hasHeader(String name) {
    return headers.containsKey(name.toLowerCase(Locale.ROOT));
  }
}
