package io.flowascode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The requests IBM's Python SDK 1.0.0 sends to watsonx.data integration, as its source shows
 * (docs/targets.md lists the files): for each route, the query parameters and body fields it
 * sends. {@link WatsonxServer} refuses with 400 anything the SDK never sends, so a client that
 * passes the double sends what the service is known to accept.
 */
final class WatsonxSdkRequests {
  static final List<String> FLOWS = List.of("sset", "streamsets_flows", "v1", "streamsets_flows");
  static final List<String> ENGINE_VERSIONS = List.of("sset", "engine_manager", "v1", "streamsets_engine_versions");
  static final List<String> ENVIRONMENTS = List.of("sset", "engine_manager", "v1", "streamsets_environments");

  /** `Project.create_flow` → `StreamingFlowApiClient.create_streaming_flow`. */
  static final Set<String> CREATE_FIELDS = Set.of("name", "description", "environment_id", "engine_version");
  /** `StreamingFlow._update` → `update_streaming_flow`. */
  static final Set<String> UPDATE_FIELDS = Set.of(
      "name", "connection_ids", "description", "environment_id", "engine_version", "fragment_ids", "pipeline_definition");
  /** The fields `PipelineDefinition` requires (pydantic: present, some nullable); the SDK dumps them all. */
  static final Set<String> DEFINITION_FIELDS = Set.of("schemaVersion", "version", "pipelineId", "title", "description",
      "uuid", "uiInfo", "fragments", "info", "valid", "issues", "previewable", "configuration", "stages", "errorStage",
      "statsAggregatorStage");

  private WatsonxSdkRequests() {}

  /** Why the SDK would never send this request, or empty when it would. */
  static Optional<String> refusal(Call call, JsonNode body) {
    List<String> path = call.segments;
    Map<String, String> query = call.query;
    if (startsWith(path, FLOWS)) {
      if (path.size() == FLOWS.size()) {
        if (call.method.equals("GET")) {
          // StreamingFlows pages with project_id and start (and name on lookups); Flows.__len__ adds limit=0.
          return onlyQuery(query, Set.of("project_id", "start", "name", "limit"), Set.of("project_id"))
              .or(() -> query.containsKey("limit") && !query.get("limit").equals("0")
                  ? Optional.of("the SDK never sets a page size (limit) when listing flows") : Optional.empty());
        }
        if (call.method.equals("POST")) {
          return onlyQuery(query, Set.of("project_id"), Set.of("project_id"))
              .or(() -> exactFields(body, CREATE_FIELDS, "create"))
              .or(() -> body.path("engine_version").asText("").isEmpty()
                  ? Optional.of("the SDK always sends an engine version (the environment's, or the first released)")
                  : Optional.empty());
        }
      } else if (path.size() == FLOWS.size() + 1) {
        Optional<String> q = onlyQuery(query, Set.of("project_id"), Set.of("project_id"));
        if (q.isPresent() || !call.method.equals("PUT")) {
          return q;
        }
        return exactFields(body, UPDATE_FIELDS, "update").or(() -> update(body));
      }
      return Optional.empty();
    }
    if (startsWith(path, ENGINE_VERSIONS)) {
      if (path.size() == ENGINE_VERSIONS.size()) {
        boolean count = query.equals(Map.of("include_stagelibs", "False"));
        boolean page = query.get("include_stagelibs") != null && query.get("releases") != null
            && Set.of("include_stagelibs", "releases", "disabled", "start").containsAll(query.keySet());
        return count || page ? Optional.empty()
            : Optional.of("the SDK lists engine versions with include_stagelibs (and releases), not " + query.keySet());
      }
      return query.isEmpty() ? Optional.empty() : Optional.of("the SDK sends no query for one engine version");
    }
    if (startsWith(path, ENVIRONMENTS) && path.size() == ENVIRONMENTS.size() + 1) {
      // Environments._get_results_from_api: the defaults (project_id, limit 100) and the id itself.
      return query.equals(Map.of("project_id", query.getOrDefault("project_id", ""), "limit", "100",
          "environment_id", path.get(path.size() - 1))) && !query.get("project_id").isEmpty()
          ? Optional.empty()
          : Optional.of("the SDK reads an environment with project_id, limit=100 and environment_id");
    }
    return Optional.empty();
  }

  private static Optional<String> update(JsonNode body) {
    JsonNode definition = body.path("pipeline_definition");
    if (!definition.isObject()) {
      return Optional.of("the SDK always sends a pipeline_definition object");
    }
    for (String field : DEFINITION_FIELDS) {
      if (!definition.has(field)) {
        return Optional.of("the SDK always sends pipeline_definition." + field + " (its model requires it)");
      }
    }
    try {
      UUID.fromString(definition.path("uuid").asText(""));
    } catch (IllegalArgumentException e) {
      return Optional.of("the SDK sends back the uuid it read, a UUID, not `" + definition.path("uuid").asText() + "`");
    }
    if (!definition.path("info").isObject()) {
      return Optional.of("the SDK sends back the info object it read");
    }
    if (body.path("engine_version").asText("").isEmpty()) {
      return Optional.of("the SDK sends back the flow's engine version");
    }
    return Optional.empty();
  }

  private static Optional<String> exactFields(JsonNode body, Set<String> fields, String what) {
    if (body == null || !body.isObject()) {
      return Optional.of("the SDK's " + what + " body is a JSON object");
    }
    Set<String> sent = new java.util.TreeSet<>();
    body.fieldNames().forEachRemaining(sent::add);
    return sent.equals(new java.util.TreeSet<>(fields)) ? Optional.empty()
        : Optional.of("the SDK's " + what + " body has exactly " + new java.util.TreeSet<>(fields) + ", not " + sent);
  }

  private static Optional<String> onlyQuery(Map<String, String> query, Set<String> allowed, Set<String> required) {
    for (String name : query.keySet()) {
      if (!allowed.contains(name)) {
        return Optional.of("the SDK never sends the query parameter `" + name + "` here");
      }
    }
    for (String name : required) {
      if (query.getOrDefault(name, "").isEmpty()) {
        return Optional.of("the SDK always sends `" + name + "`");
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }
}
