package io.flowascode.compiler.oracle;

import io.flowascode.compiler.emit.PipelineTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.verify.IssuePhase;
import io.flowascode.compiler.verify.PipelineIssue;
import io.flowascode.compiler.verify.PipelineVerifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What a real Data Collector 3.22.2 does with pipelines that use fragments in ways no flow
 * compiles to, so that the verifier resolves fragments exactly as the engine does: a copy that no
 * placeholder matches, a pipeline without its copies, a copy's stage with a value of the wrong
 * type, a copy's stage with configs left out, a parameter the copy uses that the pipeline does not
 * set. Each case is the compiled `hand--fragments-processor-twice` oracle case, edited here.
 *
 * <p>Recorded in {@code fragment-answers.json}; with {@code REAL_SDC_URL} the engine judges them
 * live, and {@code -Dflow.oracle.record=true} writes its answers back (see docs/engine-parity.md).
 */
class FragmentEngineAnswersTest {
  private static final Path BASE = Path.of(System.getProperty("basedir", "."));
  private static final String FILE = "src/test/resources/io/flowascode/compiler/oracle/fragment-answers.json";
  private static final Path CASE = BASE.resolve(
      "src/test/resources/io/flowascode/compiler/oracle/cases/hand/hand--fragments-processor-twice.flow.yaml");
  private static final Catalog CATALOG = BundledCatalog.load();

  private static Map<String, Consumer<ObjectNode>> edits() {
    Map<String, Consumer<ObjectNode>> edits = new LinkedHashMap<>();
    edits.put("fragments--copy-matches-no-placeholder", p -> copy(p, 0).put("fragmentInstanceId", "nobody"));
    edits.put("fragments--no-copies", p -> p.putArray("fragments"));
    edits.put("fragments--copy-stage-list-as-text", p -> config(stage(copy(p, 1), 2), "fields").put("value", "/b"));
    edits.put("fragments--copy-stage-configs-left-out", p -> {
      ObjectNode remover = stage(copy(p, 0), 2);
      ArrayNode kept = remover.putArray("configuration");
      kept.addObject().put("name", "fields").putArray("value").add("/b");
    });
    edits.put("fragments--copy-parameter-not-set", p -> {
      for (var c : p.path("configuration")) {
        if (c.path("name").asText().equals("constants")) {
          ((ObjectNode) c).putArray("value");
        }
      }
    });
    return edits;
  }

  @Test
  void theVerifierResolvesFragmentsAsTheEngineDoes() throws Exception {
    ObjectNode base = compiled();
    Path file = BASE.resolve(FILE);
    EngineVerdicts recorded = EngineVerdicts.read(file);
    String url = System.getenv("REAL_SDC_URL");
    EngineVerdicts verdicts = recorded;
    if (url != null && !url.isBlank()) {
      LiveEngine engine = new LiveEngine(url);
      EngineVerdicts live = new EngineVerdicts("Data Collector " + engine.version(), Map.of());
      for (var e : edits().entrySet()) {
        ObjectNode pipeline = edited(base, e.getValue());
        LiveEngine.Verdict v = engine.judge("oracle-" + e.getKey(), pipeline);
        live = live.with(e.getKey(), new EngineVerdicts.Verdict(EngineVerdictTest.sha256(pipeline), v.save(),
            v.validation(), v.validationStatus()));
      }
      verdicts = live;
      if (Boolean.getBoolean("flow.oracle.record")) {
        live.write(file);
      }
    }
    List<String> problems = new ArrayList<>();
    for (var e : edits().entrySet()) {
      ObjectNode pipeline = edited(base, e.getValue());
      var verdict = verdicts.of(e.getKey());
      if (verdict.isEmpty() || !verdict.get().pipelineSha256().equals(EngineVerdictTest.sha256(pipeline))) {
        problems.add(e.getKey() + ": not recorded for this pipeline; record it against a real engine");
        continue;
      }
      Set<String> verifier = new TreeSet<>();
      for (PipelineIssue i : PipelineVerifier.verify(pipeline, CATALOG)) {
        if (i.phase() == IssuePhase.SAVE) {
          verifier.add(new EngineIssue(i.platformCode(), i.instanceName(), i.serviceName(), i.configName(), "").key());
        }
      }
      Set<String> engine = EngineVerdictTest.keys(verdict.get().save());
      if (!verifier.equals(engine)) {
        problems.add(e.getKey() + ": the engine reports " + engine + ", the verifier " + verifier);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theRecordingsSayWhatTheEngineDoes() throws Exception {
    EngineVerdicts recorded = EngineVerdicts.read(BASE.resolve(FILE));
    // A copy no placeholder matches leaves the placeholder without stages: the lanes after it are never written.
    assertThat(EngineVerdictTest.keys(recorded.of("fragments--copy-matches-no-placeholder").orElseThrow().save()))
        .allMatch(k -> k.startsWith("VALIDATION_0002"));
    // Without copies the placeholders run as stages of their own (and do nothing useful); the engine saves it.
    assertThat(recorded.of("fragments--no-copies").orElseThrow().save()).isEmpty();
    // A copy's stage is judged under the pipeline's name for it.
    assertThat(EngineVerdictTest.keys(recorded.of("fragments--copy-stage-list-as-text").orElseThrow().save()))
        .isNotEmpty().allMatch(k -> k.contains("second_FieldRemover_01"));
  }

  private static ObjectNode compiled() {
    Compilation c = new FlowCompiler(CATALOG, CompilerOptions.DEFAULT).compile(CASE, CASE.getFileName().toString());
    return PipelineTrees.tree(c.pipeline().orElseThrow(() -> new AssertionError(c.diagnostics().toString())));
  }

  private static ObjectNode edited(ObjectNode base, Consumer<ObjectNode> edit) {
    ObjectNode copy = base.deepCopy();
    edit.accept(copy);
    return copy;
  }

  private static ObjectNode copy(ObjectNode pipeline, int i) {
    return (ObjectNode) pipeline.path("fragments").get(i);
  }

  private static ObjectNode stage(ObjectNode fragment, int i) {
    return (ObjectNode) fragment.path("stages").get(i);
  }

  private static ObjectNode config(ObjectNode stage, String name) {
    for (var c : stage.path("configuration")) {
      if (c.path("name").asText().equals(name)) {
        return (ObjectNode) c;
      }
    }
    throw new AssertionError("no config " + name);
  }
}
