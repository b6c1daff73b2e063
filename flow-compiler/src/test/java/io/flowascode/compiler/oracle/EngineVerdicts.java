package io.flowascode.compiler.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The verdicts a real engine gave on the oracle cases, as committed in {@code verdicts.json}: per
 * case, the digest of the pipeline it judged (so a recording is known stale when the compiler now
 * emits something else), the issues it reported on save, and those of a validation run.
 */
final class EngineVerdicts {
  static final String FILE = "src/test/resources/io/flowascode/compiler/oracle/verdicts.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One case's recording. */
  record Verdict(String pipelineSha256, List<EngineIssue> save, List<EngineIssue> validation, String validationStatus) {
    Verdict {
      save = sorted(save);
      validation = sorted(validation);
    }

    private static List<EngineIssue> sorted(List<EngineIssue> issues) {
      List<EngineIssue> copy = new ArrayList<>(issues);
      copy.sort(null);
      return List.copyOf(copy);
    }
  }

  private final String engine;
  private final Map<String, Verdict> cases;

  EngineVerdicts(String engine, Map<String, Verdict> cases) {
    this.engine = engine;
    this.cases = new TreeMap<>(cases);
  }

  String engine() {
    return engine;
  }

  Optional<Verdict> of(String caseName) {
    return Optional.ofNullable(cases.get(caseName));
  }

  Map<String, Verdict> cases() {
    return cases;
  }

  EngineVerdicts with(String caseName, Verdict verdict) {
    Map<String, Verdict> copy = new TreeMap<>(cases);
    copy.put(caseName, verdict);
    return new EngineVerdicts(engine, copy);
  }

  EngineVerdicts retainOnly(java.util.Set<String> caseNames) {
    Map<String, Verdict> copy = new TreeMap<>(cases);
    copy.keySet().retainAll(caseNames);
    return new EngineVerdicts(engine, copy);
  }

  static EngineVerdicts read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return new EngineVerdicts("", Map.of());
    }
    JsonNode root = JSON.readTree(file.toFile());
    Map<String, Verdict> cases = new TreeMap<>();
    root.path("cases").properties().forEach(e -> {
      JsonNode c = e.getValue();
      cases.put(e.getKey(), new Verdict(c.path("pipelineSha256").asText(), issues(c.path("save")),
          issues(c.path("validation")), c.path("validationStatus").asText()));
    });
    return new EngineVerdicts(root.path("engine").asText(), cases);
  }

  void write(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("engine", engine);
    root.put("about", "Verdicts of a real engine on the flows in cases/, recorded by EngineVerdictTest with REAL_SDC_URL set "
        + "and -Dflow.oracle.record=true. Messages are the engine's own, kept for reading; only codes, stages, services "
        + "and configs are compared.");
    ObjectNode all = root.putObject("cases");
    cases.forEach((name, v) -> {
      ObjectNode c = all.putObject(name);
      c.put("pipelineSha256", v.pipelineSha256());
      ArrayNode save = c.putArray("save");
      v.save().forEach(i -> save.add(i.toJson()));
      ArrayNode validation = c.putArray("validation");
      v.validation().forEach(i -> validation.add(i.toJson()));
      c.put("validationStatus", v.validationStatus());
    });
    Files.createDirectories(file.getParent());
    Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }

  private static List<EngineIssue> issues(JsonNode list) {
    List<EngineIssue> out = new ArrayList<>();
    list.forEach(n -> out.add(EngineIssue.fromJson(n)));
    return out;
  }
}
