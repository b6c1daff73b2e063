package io.flowascode.engine.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.function.UnaryOperator;
import okhttp3.Request;

/**
 * One exchange of a credential for a token (IBM Cloud IAM, Cloud Pak for Data): it changes nothing
 * on the server, so it is retried like a read; a refusal is an authentication failure; the answer
 * is JSON. Messages name the service and what was exchanged, with every secret masked.
 *
 * @param service the service, for messages (`IBM Cloud IAM at https://iam.cloud.ibm.com`)
 * @param what what is exchanged, for messages (`the API key`)
 * @param redact masks the secrets in a message
 */
record TokenExchange(HttpCaller http, String service, String what, UnaryOperator<String> redact) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The answer's JSON, once the service accepted the credential. */
  JsonNode send(Request request) throws TargetException {
    HttpResult answer;
    try {
      answer = http.idempotent(request);
    } catch (IOException e) {
      throw new TargetFailureException(redact.apply(service + " could not be reached to exchange " + what + ": "
          + HttpCaller.describe(e)), e);
    }
    String detail = RemoteError.parse(answer.body()).map(e -> " (" + e.describe() + ")").orElse("");
    if (answer.status() == 400 || answer.status() == 401 || answer.status() == 403) {
      throw new AuthenticationException(redact.apply(service + " rejected " + what + ", answering " + answer.status()
          + detail));
    }
    if (answer.status() != 200) {
      throw new TargetFailureException(redact.apply(service + " answered " + answer.status() + detail
          + " to the exchange of " + what), answer.status(), null, null);
    }
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new TargetFailureException(service + " answered with a body that is not JSON", 200, null, e);
    }
  }

  /** The token in `field`, or a failure saying the answer had none. */
  String token(JsonNode body, String field) throws TargetFailureException {
    String token = body.path(field).asText("");
    if (token.isEmpty()) {
      throw new TargetFailureException(service + " answered without " + field, 200, null, null);
    }
    return token;
  }
}
