package io.flowascode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.emit.PipelineJson;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.render.JsonRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run prints with `--format json`: exactly one JSON document, whatever the command and
 * however it ends, in the shape of `schemas/flow-output.schema.json` (see docs/json-output.md).
 * Commands add their fields while they run; the document is written once, at the end, with the
 * exit code.
 */
final class JsonDocument {
  /** The envelope's version: fields are only added within a version, never renamed or removed. */
  static final int FORMAT_VERSION = 1;

  private final String command;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final ObjectNode body = JsonNodeFactory.instance.objectNode();
  private Optional<String> environment = Optional.empty();
  private Optional<String> target = Optional.empty();
  private Optional<String> error = Optional.empty();

  JsonDocument(String command) {
    this.command = command;
  }

  String command() {
    return command;
  }

  void diagnostics(List<Diagnostic> found) {
    diagnostics.addAll(found);
  }

  void environment(Optional<String> name) {
    environment = name;
  }

  void target(String description) {
    target = Optional.of(description);
  }

  void error(String message) {
    error = Optional.of(message);
  }

  /** The command's own fields, after the envelope's. */
  ObjectNode body() {
    return body;
  }

  void set(String field, JsonNode value) {
    body.set(field, value);
  }

  String render(int exitCode) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("command", command);
    root.put("exitCode", exitCode);
    root.put("environment", environment.orElse(null));
    root.put("target", target.orElse(null));
    root.setAll(JsonRenderer.toJson(diagnostics));
    root.setAll(body);
    root.put("error", error.orElse(null));
    return PipelineJson.write(root);
  }
}
