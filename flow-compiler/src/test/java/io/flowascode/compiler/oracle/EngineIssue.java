package io.flowascode.compiler.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;

/**
 * One issue a Data Collector reported for a pipeline, reduced to what identifies it: the engine's
 * code, the stage instance (empty for the pipeline), the service and the config it names. The
 * message is kept for people reading the recording, never compared.
 */
record EngineIssue(String code, String stage, String service, String config, String message)
    implements Comparable<EngineIssue> {
  private static final Comparator<EngineIssue> ORDER = Comparator.comparing(EngineIssue::stage)
      .thenComparing(EngineIssue::service).thenComparing(EngineIssue::config).thenComparing(EngineIssue::code);

  EngineIssue {
    code = code == null ? "" : code;
    stage = stage == null ? "" : stage;
    service = service == null ? "" : service;
    config = config == null ? "" : config;
    message = message == null ? "" : message;
  }

  /** What is compared: everything but the message. */
  String key() {
    return code + " " + (stage.isEmpty() ? "(pipeline)" : stage) + (service.isEmpty() ? "" : "/" + service)
        + (config.isEmpty() ? "" : " " + config);
  }

  @Override
  public int compareTo(EngineIssue o) {
    return ORDER.compare(this, o);
  }

  ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("code", code);
    if (!stage.isEmpty()) {
      o.put("stage", stage);
    }
    if (!service.isEmpty()) {
      o.put("service", service);
    }
    if (!config.isEmpty()) {
      o.put("config", config);
    }
    o.put("message", message);
    return o;
  }

  static EngineIssue fromJson(JsonNode n) {
    return new EngineIssue(n.path("code").asText(), n.path("stage").asText(), n.path("service").asText(),
        n.path("config").asText(), n.path("message").asText());
  }

  /**
   * An issue as the engine's REST API gives it ({@code errorCode}, {@code instanceName},
   * {@code serviceName}, {@code configName}, {@code message}). Some issues carry their code only
   * at the front of the message ("CONTAINER_0902 - ...").
   */
  static EngineIssue fromEngine(JsonNode issue, String stage) {
    String message = issue.path("message").asText("");
    String code = issue.path("errorCode").asText("");
    if (code.isEmpty() || "null".equals(code)) {
      int dash = message.indexOf(" - ");
      code = dash > 0 ? message.substring(0, dash) : "";
    }
    String service = issue.path("serviceName").isTextual() ? issue.path("serviceName").asText() : "";
    String config = issue.path("configName").isTextual() ? issue.path("configName").asText() : "";
    return new EngineIssue(code, stage, service, config, message);
  }
}
