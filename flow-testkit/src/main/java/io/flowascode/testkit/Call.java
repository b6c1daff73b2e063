package io.flowascode.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A request received by a test server, read in full, with its path split into decoded segments. */
final class Call {
  final String method;
  final String path;
  final String rawQuery;
  final List<String> segments;
  final Map<String, String> query;
  final Map<String, List<String>> headers;
  final String body;

  Call(HttpExchange exchange, String body) {
    this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath();
    this.path = decode(rawPath);
    this.rawQuery = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
    this.segments = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(decode(segment));
      }
    }
    this.query = parseForm(rawQuery);
    this.headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    this.body = body;
  }

  String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The user and password of a Basic `Authorization` header. */
  Optional<String[]> basicCredentials() {
    String authorization = header("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.empty() : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The token of a Bearer `Authorization` header. */
  Optional<String> bearerToken() {
    String authorization = header("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(7).trim());
  }

  boolean isPath(String... expected) {
    return segments.equals(List.of(expected));
  }

  /** True when the path starts with these segments and has exactly `extra` more. */
  boolean isPathWithIds(int extra, String... prefix) {
    return segments.size() == prefix.length + extra && segments.subList(0, prefix.length).equals(List.of(prefix));
  }

  static Map<String, String> parseForm(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.putIfAbsent(name, value);
    }
    return values;
  }

  /** Path segments keep a literal `+` (it means a space only in forms and queries). */
  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
