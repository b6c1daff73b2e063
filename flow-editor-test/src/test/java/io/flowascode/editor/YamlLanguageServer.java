package io.flowascode.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Red Hat's YAML language server (the engine of the VS Code YAML extension and of several other
 * editors) run with node over stdio, with the settings an editor would send: `yaml.schemas`
 * binding a schema file to a glob, validation, completion and hover on, SchemaStore off so that
 * nothing is fetched from the network. {@link #close()} always ends the process.
 */
final class YamlLanguageServer implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final LspConnection lsp;
  private final StringBuffer stderr = new StringBuffer();

  private YamlLanguageServer(Process process, ObjectNode yamlSettings) {
    this.process = process;
    this.lsp = new LspConnection(process.getInputStream(), process.getOutputStream(),
        (method, params) -> answer(method, params, yamlSettings));
    Thread drain = new Thread(() -> drain(process.getErrorStream()), "lsp-stderr");
    drain.setDaemon(true);
    drain.start();
  }

  /** The server script `npm ci` installs in this module, if it is installed. */
  static Optional<Path> installedServer(Path moduleDir) {
    Path script = moduleDir.resolve("node_modules/yaml-language-server/bin/yaml-language-server");
    return Files.isRegularFile(script) ? Optional.of(script) : Optional.empty();
  }

  /** The `node` executable on the PATH, if any. */
  static Optional<Path> node() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : List.of("node", "node.exe")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Starts the server and completes the LSP handshake.
   *
   * @param schemas `yaml.schemas` as an editor sets it: schema URI to file glob
   */
  static YamlLanguageServer start(Path node, Path server, ObjectNode schemas) throws IOException {
    ObjectNode yaml = LspConnection.JSON.createObjectNode();
    yaml.set("schemas", schemas);
    yaml.put("validate", true).put("hover", true).put("completion", true);
    yaml.putObject("schemaStore").put("enable", false);
    Process process = new ProcessBuilder(node.toString(), server.toString(), "--stdio")
        .directory(server.getParent().toFile())
        .start();
    YamlLanguageServer ls = new YamlLanguageServer(process, yaml);
    try {
      ls.initialize();
    } catch (IOException | RuntimeException e) {
      ls.close();
      throw e;
    }
    return ls;
  }

  private void initialize() throws IOException {
    ObjectNode params = LspConnection.JSON.createObjectNode();
    params.put("processId", ProcessHandle.current().pid());
    params.putNull("rootUri");
    ObjectNode capabilities = params.putObject("capabilities");
    // The server pulls its settings with workspace/configuration, answered in answer().
    capabilities.putObject("workspace").put("configuration", true);
    ObjectNode text = capabilities.putObject("textDocument");
    text.putObject("completion").putObject("completionItem").putArray("documentationFormat").add("plaintext");
    text.putObject("hover").putArray("contentFormat").add("plaintext");
    text.putObject("publishDiagnostics");
    lsp.request("initialize", params, TIMEOUT);
    lsp.notify("initialized", LspConnection.JSON.createObjectNode());
  }

  /** The server's requests to the editor: its settings; anything else gets an empty answer. */
  private static JsonNode answer(String method, JsonNode params, ObjectNode yamlSettings) {
    if (!method.equals("workspace/configuration")) {
      return NullNode.instance;
    }
    ArrayNode result = LspConnection.JSON.createArrayNode();
    for (JsonNode item : params.path("items")) {
      if (item.path("section").asText().equals("yaml")) {
        result.add(yamlSettings);
      } else {
        result.addNull();
      }
    }
    return result;
  }

  void open(URI uri, String text) throws IOException {
    ObjectNode params = LspConnection.JSON.createObjectNode();
    params.putObject("textDocument")
        .put("uri", uri.toString())
        .put("languageId", "yaml")
        .put("version", 1)
        .put("text", text);
    lsp.notify("textDocument/didOpen", params);
  }

  /** Waits for the document's diagnostics to satisfy {@code until}, as published after validation. */
  List<Problem> diagnostics(URI uri, Predicate<List<Problem>> until) throws IOException {
    return Problem.all(lsp.awaitDiagnostics(uri.toString(), d -> until.test(Problem.all(d)), TIMEOUT));
  }

  /** The completion items at a zero-based line and character. */
  List<Completion> completion(URI uri, int line, int character) throws IOException {
    JsonNode result = lsp.request("textDocument/completion", position(uri, line, character), TIMEOUT);
    JsonNode items = result.isArray() ? result : result.path("items");
    List<Completion> completions = new ArrayList<>();
    items.forEach(i -> completions.add(new Completion(i.path("label").asText(), text(i.path("documentation")))));
    return completions;
  }

  /** The hover text at a zero-based line and character, empty when there is none. */
  String hover(URI uri, int line, int character) throws IOException {
    JsonNode result = lsp.request("textDocument/hover", position(uri, line, character), TIMEOUT);
    return result.isNull() || result.isMissingNode() ? "" : text(result.path("contents"));
  }

  private static ObjectNode position(URI uri, int line, int character) {
    ObjectNode params = LspConnection.JSON.createObjectNode();
    params.putObject("textDocument").put("uri", uri.toString());
    params.putObject("position").put("line", line).put("character", character);
    return params;
  }

  /** The text of a string, a MarkupContent, a MarkedString or a list of them. */
  private static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      List<String> parts = new ArrayList<>();
      content.forEach(c -> parts.add(text(c)));
      return String.join("\n", parts);
    }
    return content.path("value").asText("");
  }

  private void drain(InputStream err) {
    try {
      byte[] buffer = new byte[4096];
      for (int n = err.read(buffer); n >= 0; n = err.read(buffer)) {
        if (stderr.length() < 20_000) {
          stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      // The process ended; what was read is kept.
    }
  }

  /** What the server wrote to stderr, for failure messages. */
  String stderr() {
    return stderr.toString();
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        lsp.request("shutdown", NullNode.instance, Duration.ofSeconds(5));
        lsp.notify("exit", NullNode.instance);
        process.waitFor(3, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      // Ended below regardless.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      process.destroy();
      try {
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A published diagnostic: zero-based line, message. */
  record Problem(int line, String message) {
    static List<Problem> all(JsonNode diagnostics) {
      List<Problem> problems = new ArrayList<>();
      for (JsonNode d : diagnostics) {
        problems.add(new Problem(d.path("range").path("start").path("line").asInt(), d.path("message").asText()));
      }
      return problems;
    }
  }

  /** A completion item: what is offered and its documentation. */
  record Completion(String label, String documentation) {}
}
