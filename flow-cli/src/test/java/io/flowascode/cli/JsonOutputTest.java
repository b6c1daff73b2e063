package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * `--format json` prints exactly one JSON document per run, for every command and however the run
 * ends, in the documented shape (schemas/flow-output.schema.json), with counts as numbers; `jq` and
 * `python -m json.tool` read every one of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonOutputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCHEMA = Path.of("..", "schemas", "flow-output.schema.json");

  @TempDir
  Path tmp;

  private Schema schema;
  private final List<String> outputs = new ArrayList<>();

  @BeforeAll
  void loadSchema() throws IOException {
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.readTree(SCHEMA.toFile()));
  }

  /** Runs a command with --format json and returns its one document, checked against the schema. */
  private JsonNode json(int expectedExit, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--format");
    all.add("json");
    Cli.Run r = Cli.run(Map.of(), all.toArray(String[]::new));
    assertThat(r.exit()).as(String.join(" ", all) + "\n" + r.out() + r.err()).isEqualTo(expectedExit);
    JsonNode doc;
    try (JsonParser parser = JSON.createParser(r.out())) {
      doc = JSON.readTree(parser);
      assertThat(parser.nextToken()).as("nothing after the one document: " + r.out()).isNull();
    }
    List<Error> errors = schema.validate(doc);
    assertThat(errors).as("schema errors in " + r.out()).isEmpty();
    assertThat(doc.get("exitCode").asInt()).isEqualTo(expectedExit);
    outputs.add(r.out());
    return doc;
  }

  @Test
  void everyCommandPrintsOneDocumentOfTheDocumentedShape() throws Exception {
    Path project = tmp.resolve("shop");
    String c = project.toString();

    JsonNode init = json(0, "-C", c, "init");
    assertThat(init.get("written")).hasSize(5);
    assertThat(json(0, "-C", c, "validate").get("flowFiles").asInt()).isEqualTo(1);
    assertThat(json(0, "-C", c, "fmt", "--check").get("files").get(0).get("changed").asBoolean()).isFalse();
    assertThat(json(0, "-C", c, "compile").get("written").get(0).asText()).endsWith("hello-orders.json");
    assertThat(json(0, "-C", c, "describe").get("flows")).hasSize(1);

    JsonNode plan = json(0, "-C", c, "plan");
    assertThat(plan.get("environment").asText()).isEqualTo("dev");
    assertThat(plan.get("target").asText()).startsWith("local store at");
    assertThat(plan.at("/plan/summary/flows/create").isInt()).isTrue();
    assertThat(plan.at("/plan/summary/flows/create").asInt()).isEqualTo(1);
    assertThat(plan.at("/plan/summary/stages/add").asInt()).isEqualTo(5);

    JsonNode apply = json(0, "-C", c, "apply");
    assertThat(apply.at("/apply/summary/created").isInt()).isTrue();
    assertThat(apply.at("/apply/summary/created").asInt()).isEqualTo(1);
    assertThat(apply.at("/apply/flows/0/revision").isTextual()).isTrue();

    JsonNode list = json(0, "-C", c, "list");
    assertThat(list.at("/flows/0/id").asText()).isEqualTo("hello-orders");
    assertThat(list.at("/flows/0/managed").asBoolean()).isTrue();
    assertThat(list.at("/flows/0/inProject").asBoolean()).isTrue();

    Path imported = tmp.resolve("imported");
    JsonNode imports = json(0, "import", project.resolve("target/flow/hello-orders.json").toString(), "-o", imported.toString());
    assertThat(imports.at("/imported/0/file").asText()).endsWith("hello-orders.flow.yaml");

    assertThat(json(0, "catalog", "--search", "kafka").get("stages").size()).isPositive();
    JsonNode directory = json(0, "catalog", "Directory", "--version", "11");
    assertThat(directory.at("/stages/0/version").asText()).isEqualTo("11");
    assertThat(directory.at("/stages/0/configs/0/required").isBoolean()).isTrue();
    assertThat(json(0, "catalog", "Directory", "--values", "charset").at("/config/values").size()).isGreaterThan(100);
    assertThat(json(0, "schema", "-o", tmp.resolve("s.json").toString()).get("written")).hasSize(1);
  }

  @Test
  void failuresAreOneDocumentToo() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.flow.yaml"), "flow: {id: x}\nstages:\n  t: {label: Trsh}\n");
    JsonNode invalid = json(1, "validate", bad.toString());
    assertThat(invalid.get("errors").asInt()).isEqualTo(1);
    assertThat(invalid.at("/diagnostics/0/code").asText()).isEqualTo("E0301");
    assertThat(invalid.at("/diagnostics/0/start/line").asInt()).isEqualTo(3);

    JsonNode usage = json(2, "plan", "--frobnicate");
    assertThat(usage.get("command").asText()).isEqualTo("plan");
    assertThat(usage.get("error").asText()).contains("--frobnicate");

    JsonNode missing = json(2, "validate", tmp.resolve("nope.flow.yaml").toString());
    assertThat(missing.get("error").asText()).contains("no such file");

    JsonNode unreachable = json(4, "plan", FlowCliTest.SAMPLES.resolve("05-events.flow.yaml").toString(),
        "--target", "sdc", "--url", "http://127.0.0.1:1", "--timeout", "1s", "--deadline", "3s");
    assertThat(unreachable.get("target").asText()).contains("127.0.0.1:1");
    assertThat(unreachable.at("/plan/unread/0").asText()).isEqualTo("events");
  }

  @Test
  void jqAndPythonReadEveryOutput() throws Exception {
    everyCommandPrintsOneDocumentOfTheDocumentedShape();
    failuresAreOneDocumentToo();
    assertThat(outputs).hasSizeGreaterThan(15);
    boolean checked = false;
    for (List<String> reader : List.of(List.of("python3", "-m", "json.tool"), List.of("jq", "-e", ".formatVersion"))) {
      if (!available(reader.get(0))) {
        continue;
      }
      checked = true;
      for (String output : outputs) {
        Path in = Files.writeString(tmp.resolve("out.json"), output, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(reader).redirectInput(in.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.PIPE).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(reader + " on\n" + output + "\n" + new String(p.getErrorStream().readAllBytes())).isZero();
      }
    }
    assumeTrue(checked, "neither python3 nor jq is installed");
  }

  private static boolean available(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
