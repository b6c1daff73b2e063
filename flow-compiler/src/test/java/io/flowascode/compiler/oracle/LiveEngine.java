package io.flowascode.compiler.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real Data Collector reached over its REST API, asked for its verdict on one pipeline: the
 * issues it reports when the pipeline is saved, and the issues of a validation run (which starts
 * every stage once). Each pipeline is created under a title of its own and deleted afterwards.
 */
final class LiveEngine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration VALIDATION_WAIT = Duration.ofSeconds(60);

  private final String base;
  private final String authorization;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** The engine's answers for one pipeline. */
  record Verdict(List<EngineIssue> save, List<EngineIssue> validation, String validationStatus) {}

  /** @param url e.g. {@code http://127.0.0.1:18631}; user and password come from REAL_SDC_USER/PASSWORD (default admin) */
  LiveEngine(String url) {
    this.base = url.replaceAll("/+$", "") + "/rest/v1";
    String user = System.getenv().getOrDefault("REAL_SDC_USER", "admin");
    String password = System.getenv().getOrDefault("REAL_SDC_PASSWORD", "admin");
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The engine's version, from its system info. */
  String version() throws IOException, InterruptedException {
    return call("GET", "/system/info", null).path("version").asText("");
  }

  Verdict judge(String title, ObjectNode pipeline) throws IOException, InterruptedException {
    JsonNode created = call("PUT", "/pipeline/" + encode(title) + "?autoGeneratePipelineId=true", null);
    String id = created.path("pipelineId").asText();
    try {
      ObjectNode body = pipeline.deepCopy();
      body.put("pipelineId", id);
      body.set("uuid", created.get("uuid"));
      body.set("info", created.get("info"));
      HttpResponse<String> answer = send("POST", "/pipeline/" + encode(id), body);
      if (answer.statusCode() >= 300) {
        // The engine failed while validating and kept nothing: its exception is the verdict.
        JsonNode error = JSON.readTree(answer.body()).path("RemoteException");
        EngineIssue failed = new EngineIssue(error.path("errorCode").asText("HTTP_" + answer.statusCode()), "", "", "",
            error.path("message").asText(answer.body()));
        return new Verdict(List.of(failed), List.of(), "NOT_SAVED");
      }
      JsonNode saved = JSON.readTree(answer.body());
      List<EngineIssue> save = issues(saved.path("issues"));
      JsonNode started = call("GET", "/pipeline/" + encode(id) + "/validate?timeout=" + VALIDATION_WAIT.toMillis(), null);
      String previewer = started.path("previewerId").asText();
      String status = waitForValidation(id, previewer);
      JsonNode preview = call("GET", "/pipeline/" + encode(id) + "/preview/" + encode(previewer), null);
      return new Verdict(save, issues(preview.path("issues")), status);
    } finally {
      call("DELETE", "/pipeline/" + encode(id), null);
    }
  }

  private String waitForValidation(String id, String previewer) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + VALIDATION_WAIT.toNanos();
    String status = "";
    while (System.nanoTime() < deadline) {
      status = call("GET", "/pipeline/" + encode(id) + "/preview/" + encode(previewer) + "/status", null)
          .path("status").asText();
      if (!List.of("CREATED", "VALIDATING", "STARTING", "RUNNING").contains(status)) {
        return status;
      }
      Thread.sleep(100);
    }
    return status;
  }

  private static List<EngineIssue> issues(JsonNode issues) {
    List<EngineIssue> out = new ArrayList<>();
    for (JsonNode i : issues.path("pipelineIssues")) {
      out.add(EngineIssue.fromEngine(i, ""));
    }
    for (Map.Entry<String, JsonNode> stage : issues.path("stageIssues").properties()) {
      for (JsonNode i : stage.getValue()) {
        out.add(EngineIssue.fromEngine(i, stage.getKey()));
      }
    }
    out.sort(null);
    return out;
  }

  private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
    HttpResponse<String> response = send(method, path, body);
    if (response.statusCode() >= 300) {
      throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
          + response.body().substring(0, Math.min(500, response.body().length())));
    }
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  private HttpResponse<String> send(String method, String path, JsonNode body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(VALIDATION_WAIT.plusSeconds(30))
        .header("Authorization", authorization)
        .header("X-Requested-By", "sdc")
        .header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
