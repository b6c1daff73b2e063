package io.flowascode.engine.target;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user name and password for HTTP Basic authentication; printing it masks the password. */
public record BasicCredentials(String username, Secret password) {
  /** The `Authorization` header value. */
  String header() {
    return "Basic " + encoded();
  }

  /** `text` with the password and the encoded header masked. */
  String redactFrom(String text) {
    String redacted = password.redactFrom(text);
    return redacted == null ? null : redacted.replace(encoded(), "****");
  }

  private String encoded() {
    return Base64.getEncoder().encodeToString((username + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "BasicCredentials[username=" + username + ", password=" + password + "]";
  }
}
