package io.flowascode.compiler.oracle;

import io.flowascode.compiler.emit.PipelineTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.Compilation;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.verify.IssuePhase;
import io.flowascode.compiler.verify.PipelineIssue;
import io.flowascode.compiler.verify.PipelineVerifier;
import io.flowascode.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real engine is the judge: for every oracle case (every stage of the reference engine empty,
 * filled, and with one mistake of each class), the compiler refuses exactly the flows the engine
 * flags, and the verifier finds exactly the issues the engine reports on save.
 *
 * <p>Without an engine the verdicts come from {@code verdicts.json}, recorded from a real Data
 * Collector 3.22.2; a recording whose pipeline digest no longer matches what the compiler emits is
 * stale and fails the test. With {@code REAL_SDC_URL} set the engine judges every case live, and
 * with {@code -Dflow.oracle.record=true} the live verdicts are written back to the file
 * ({@code -Dflow.oracle.cases=REGEX} narrows the cases). See docs/engine-parity.md.
 */
class EngineVerdictTest {
  private static final Path BASE = Path.of(System.getProperty("basedir", "."));
  private static final Path CASES = BASE.resolve("src/test/resources/io/flowascode/compiler/oracle/cases");
  private static final Path SAMPLES = BASE.resolve("../samples");
  private static final String SAMPLE = "sample--";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Catalog CATALOG = BundledCatalog.load();
  private static final String CRASH = "CONTAINER_0000";

  @Test
  void theCompilerAndTheVerifierAgreeWithTheEngine() throws Exception {
    Map<String, Path> cases = cases();
    assertThat(cases).as("oracle cases under %s", CASES).isNotEmpty();
    Path file = BASE.resolve(EngineVerdicts.FILE);
    EngineVerdicts recorded = EngineVerdicts.read(file);
    FlowCompiler emitter = new FlowCompiler(CATALOG, CompilerOptions.DEFAULT.withEmitRejected(true));
    FlowCompiler compiler = new FlowCompiler(CATALOG, CompilerOptions.DEFAULT);

    String url = System.getenv("REAL_SDC_URL");
    EngineVerdicts verdicts = recorded;
    List<String> problems = new ArrayList<>();
    if (url != null && !url.isBlank()) {
      LiveEngine engine = new LiveEngine(url);
      String version = engine.version();
      EngineVerdicts live = new EngineVerdicts("Data Collector " + version, recorded.cases());
      for (Map.Entry<String, Path> c : cases.entrySet()) {
        ObjectNode pipeline = pipeline(emitter, c.getValue());
        LiveEngine.Verdict v = engine.judge("oracle-" + c.getKey(), pipeline);
        EngineVerdicts.Verdict now = new EngineVerdicts.Verdict(sha256(pipeline), v.save(), v.validation(), v.validationStatus());
        recorded.of(c.getKey()).filter(old -> old.pipelineSha256().equals(now.pipelineSha256()))
            .filter(old -> !keys(old.save()).equals(keys(now.save())))
            .ifPresent(old -> problems.add(c.getKey() + ": the engine now answers " + keys(now.save())
                + " where the recording says " + keys(old.save()) + " (refresh with -Dflow.oracle.record=true)"));
        live = live.with(c.getKey(), now);
      }
      verdicts = live;
      if (Boolean.getBoolean("flow.oracle.record")) {
        live.retainOnly(allCaseNames()).write(file);
        problems.clear();
      }
    }

    Report report = new Report();
    for (Map.Entry<String, Path> c : cases.entrySet()) {
      String name = c.getKey();
      ObjectNode pipeline = pipeline(emitter, c.getValue());
      var verdict = verdicts.of(name);
      if (verdict.isEmpty()) {
        problems.add(name + ": not recorded; record it against a real engine (REAL_SDC_URL, -Dflow.oracle.record=true)");
        continue;
      }
      if (!verdict.get().pipelineSha256().equals(sha256(pipeline))) {
        problems.add(name + ": the recording is stale (the compiler now emits another pipeline); re-record it");
        continue;
      }
      report.compare(name, verdict.get(), baseOf(name, verdicts), pipeline, compiler.compile(c.getValue(), name));
    }
    System.out.println(report.summary());
    problems.addAll(report.problems);
    assertThat(problems).as("disagreements with the engine").isEmpty();
  }

  /** The filled case a mistake was made from, whose validation issues are the environment's. */
  private static EngineVerdicts.Verdict baseOf(String name, EngineVerdicts verdicts) {
    int dash = name.indexOf("--");
    if (dash < 0 || name.startsWith("filled--") || name.startsWith("empty--")) {
      return null;
    }
    return verdicts.of("filled--" + name.substring(dash + 2)).orElse(null);
  }

  /** Compares one case, collecting disagreements. */
  private static final class Report {
    final List<String> problems = new ArrayList<>();
    int cases;
    int engineFlagged;
    int compilerRefused;
    int verifierExact;
    int quotedExactly;
    int outsideLibraries;

    void compare(String name, EngineVerdicts.Verdict verdict, EngineVerdicts.Verdict base, ObjectNode pipeline,
        Compilation compiled) {
      cases++;
      if (outsideTheEnginesLibraries(verdict)) {
        outsideLibraries++;
        return;
      }
      Set<String> engineSave = keys(verdict.save());
      Set<String> verifier = new TreeSet<>();
      for (PipelineIssue i : PipelineVerifier.verify(pipeline, CATALOG)) {
        if (i.phase() == IssuePhase.SAVE) {
          verifier.add(key(i));
        }
      }
      // When the engine fails while checking, it reports that failure alone: the verifier must
      // foresee the failure; what else it finds the engine never got to.
      boolean crashed = engineSave.stream().anyMatch(k -> k.startsWith(CRASH));
      if (crashed ? verifier.stream().anyMatch(k -> k.startsWith(CRASH)) : verifier.equals(engineSave)) {
        verifierExact++;
      } else {
        Set<String> missed = new TreeSet<>(engineSave);
        missed.removeAll(verifier);
        Set<String> extra = new TreeSet<>(verifier);
        extra.removeAll(engineSave);
        problems.add(name + ": verifier " + (missed.isEmpty() ? "" : "misses " + missed + " ")
            + (extra.isEmpty() ? "" : "reports what the engine does not: " + extra));
      }
      Set<String> startIssues = new LinkedHashSet<>();
      verdict.validation().stream().filter(i -> !ENVIRONMENT.contains(i.code())).forEach(i -> startIssues.add(i.key()));
      if (base != null) {
        startIssues.removeAll(keys(base.validation()));
      } else if (generated(name)) {
        startIssues.clear(); // a stage with nothing or only its required configs set may not start anywhere
      }
      boolean flagged = !engineSave.isEmpty() || !startIssues.isEmpty();
      boolean refused = compiled.hasErrors();
      engineFlagged += flagged ? 1 : 0;
      compilerRefused += refused ? 1 : 0;
      if (flagged != refused && !(refused && syntaxOnly(name, compiled))) {
        problems.add(name + ": the engine " + (flagged ? "flags it " + engineSave + startIssues : "accepts it")
            + " but the compiler " + (refused ? "refuses it: " + codes(compiled) : "accepts it"));
      } else if (flagged) {
        List<EngineIssue> flaggedIssues = new ArrayList<>(verdict.save());
        verdict.validation().stream().filter(i -> startIssues.contains(i.key())).forEach(flaggedIssues::add);
        quotes(name, flaggedIssues, compiled);
      }
    }

    /**
     * Every issue the engine flags is quoted by one of the compiler's errors: the same code and,
     * where the engine names a config, the same raw config name. A crash of the engine's checks
     * (CONTAINER_0000) hides what else it would find, so only the crash must be quoted then.
     */
    private void quotes(String name, List<EngineIssue> flagged, Compilation compiled) {
      Set<String> quoted = new TreeSet<>();
      for (Diagnostic d : compiled.diagnostics()) {
        if (d.isError()) {
          d.engineCodes().forEach(e -> {
            quoted.add(e.code());
            quoted.add(e.code() + " " + e.config());
          });
        }
      }
      boolean crash = flagged.stream().anyMatch(i -> i.code().equals(CRASH));
      // When the file's structure is wrong (an event connection from a stage without events), the
      // compiler leaves the impossible part out of the pipeline and the engine judges what is
      // left (a stage without input): the compiler names the cause in the file's words, and only
      // the engine's codes about configs must match then.
      boolean structural = compiled.diagnostics().stream().anyMatch(d -> d.isError() && !d.code().id().startsWith("E04"));
      Set<String> unquoted = new TreeSet<>();
      for (EngineIssue i : flagged) {
        if ((crash && !i.code().equals(CRASH)) || (structural && i.config().isEmpty())) {
          continue;
        }
        String wanted = i.config().isEmpty() ? i.code() : i.code() + " " + i.config();
        if (!quoted.contains(wanted)) {
          unquoted.add(i.key());
        }
      }
      if (unquoted.isEmpty()) {
        quotedExactly++;
      } else {
        problems.add(name + ": the compiler refuses it but does not quote the engine's " + unquoted + "; it quotes "
            + quoted.stream().filter(q -> !q.contains(" ")).toList());
      }
    }

    String summary() {
      return "engine parity: " + cases + " cases, engine flagged " + engineFlagged + ", compiler refused "
          + compilerRefused + " (quoting the engine's code and config on " + quotedExactly + "), verifier exact on "
          + verifierExact + ", " + outsideLibraries + " outside the engine's stage libraries, " + problems.size()
          + " disagreements";
    }
  }

  /**
   * Validation issues that depend on the engine's host, not on the flow: a directory the pipeline
   * reads or writes that does not exist there.
   */
  private static final Set<String> ENVIRONMENT = Set.of("SPOOLDIR_12", "RECORDFS_01");

  /** Codes of a stage whose library the engine does not have installed. */
  private static final Set<String> MISSING_LIBRARY = Set.of("CONTAINER_0901", "CREATION_006", "VALIDATION_0006");

  private static boolean generated(String name) {
    return !name.startsWith(SAMPLE) && !name.startsWith("hand--");
  }

  /**
   * A flow using a stage library the engine lacks (a sample with Amazon or Kafka stages on the
   * reference engine): the engine can only say so, and no verdict about the flow is to be had.
   */
  private static boolean outsideTheEnginesLibraries(EngineVerdicts.Verdict verdict) {
    return !verdict.save().isEmpty() && verdict.save().stream().allMatch(i -> MISSING_LIBRARY.contains(i.code()));
  }

  /** The compiler may be stricter than the engine only about expression syntax. */
  private static boolean syntaxOnly(String name, Compilation compiled) {
    return name.startsWith("syntax-") && compiled.diagnostics().stream().filter(Diagnostic::isError)
        .allMatch(d -> d.message().contains("expression"));
  }

  private static List<String> codes(Compilation c) {
    return c.diagnostics().stream().filter(Diagnostic::isError).map(d -> d.code().id() + " " + d.message()).toList();
  }

  static Set<String> keys(List<EngineIssue> issues) {
    Set<String> keys = new TreeSet<>();
    issues.forEach(i -> keys.add(i.key()));
    return keys;
  }

  private static String key(PipelineIssue i) {
    return new EngineIssue(i.platformCode(), i.instanceName(), i.serviceName(), i.configName(), "").key();
  }

  private static ObjectNode pipeline(FlowCompiler emitter, Path file) {
    Compilation c = emitter.compile(file, file.getFileName().toString());
    assertThat(c.pipeline()).as("%s compiles to a pipeline (with rejected values kept): %s", file, codes(c)).isPresent();
    return PipelineTrees.tree(c.pipeline().get());
  }

  static String sha256(ObjectNode pipeline) throws IOException {
    try {
      byte[] bytes = JSON.writeValueAsString(pipeline).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Case name (file name without `.flow.yaml`) to file, narrowed by {@code flow.oracle.cases}. */
  private static Map<String, Path> cases() throws IOException {
    Pattern only = Pattern.compile(System.getProperty("flow.oracle.cases", ".*"));
    Map<String, Path> cases = new LinkedHashMap<>();
    for (Map.Entry<String, Path> c : allCases().entrySet()) {
      if (only.matcher(c.getKey()).matches()) {
        cases.put(c.getKey(), c.getValue());
      }
    }
    return cases;
  }

  private static Set<String> allCaseNames() throws IOException {
    return allCases().keySet();
  }

  private static Map<String, Path> allCases() throws IOException {
    Map<String, Path> cases = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.walk(CASES)) {
      files.filter(p -> p.getFileName().toString().endsWith(".flow.yaml"))
          .forEach(p -> cases.put(p.getFileName().toString().replace(".flow.yaml", ""), p));
    }
    // The samples are cases too: the engine must accept every one whose stage libraries it has.
    try (Stream<Path> files = Files.list(SAMPLES)) {
      files.filter(p -> p.getFileName().toString().endsWith(".flow.yaml"))
          .forEach(p -> cases.put(SAMPLE + p.getFileName().toString().replace(".flow.yaml", ""), p));
    }
    return cases;
  }
}
