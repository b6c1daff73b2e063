package io.flowascode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `flow load`: an exported pipeline put into the local store, then imported, edited and planned, with no server. */
class LoadCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @Test
  void anExportLoadedIntoTheLocalStoreImportsAndPlansEmptyThenAnEditIsOneChange() throws Exception {
    Path export = exportOf("06-stream-selector.flow.yaml", "stream-selector");
    String store = tmp.resolve("store").toString();

    FlowCliTest.Run loaded = FlowCliTest.run("load", export.toString(), "--store", store);
    assertThat(loaded.exit()).as(loaded.out()).isZero();
    assertThat(loaded.out()).contains("loaded stream-selector from " + export);

    Path flows = tmp.resolve("flows");
    FlowCliTest.Run imported = FlowCliTest.run("import", "--all", "--store", store, "-o", flows.toString());
    assertThat(imported.exit()).as(imported.out()).isZero();
    FlowCliTest.Run empty = FlowCliTest.run("plan", flows.toString(), "--store", store, "--detailed-exitcode");
    assertThat(empty.exit()).as(empty.out()).isZero();

    Path flow = flows.resolve("stream-selector.flow.yaml");
    Files.writeString(flow, Files.readString(flow).replace("title: Stream Selector predicates", "title: Routed"));
    FlowCliTest.Run plan = FlowCliTest.run("plan", flows.toString(), "--store", store, "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out()).isEqualTo(FlowCli.CHANGES_PRESENT);
    assertThat(plan.out()).contains("~ title: \"Stream Selector predicates\" -> \"Routed\"");
  }

  @Test
  void aFlowAlreadyThereIsReplacedOnlyWithForceAndNothingIsWrittenWhenOneDocumentIsRefused() throws Exception {
    Path export = exportOf("06-stream-selector.flow.yaml", "stream-selector");
    Path other = exportOf("05-events.flow.yaml", "events");
    Path fragment = tmp.resolve("fragment.json");
    Files.writeString(fragment, "{\"pipelineFragmentConfig\": {\"fragmentId\": \"f\", \"title\": \"f\"}}");
    String store = tmp.resolve("store").toString();
    assertThat(FlowCliTest.run("load", export.toString(), "--store", store).exit()).isZero();

    FlowCliTest.Run again = FlowCliTest.run("load", other.toString(), export.toString(), "--store", store);
    assertThat(again.exit()).isEqualTo(FlowCli.INVALID_INPUT);
    assertThat(again.out() + again.err()).contains("stream-selector: exists on", "use --force", "nothing written");
    FlowCliTest.Run notAPipeline = FlowCliTest.run("load", other.toString(), fragment.toString(), "--store", store);
    assertThat(notAPipeline.exit()).isEqualTo(FlowCli.INVALID_INPUT);
    assertThat(notAPipeline.out() + notAPipeline.err()).contains("not a pipeline", "nothing written");
    assertThat(FlowCliTest.run("list", "--store", store).out()).contains("stream-selector").doesNotContain("events");

    FlowCliTest.Run forced = FlowCliTest.run("load", other.toString(), export.toString(), "--store", store, "--force");
    assertThat(forced.exit()).as(forced.out()).isZero();
    assertThat(forced.out()).contains("loaded events", "replaced stream-selector");
  }

  /** A sample compiled, then wrapped as Data Collector's Export writes it. */
  private Path exportOf(String sample, String id) throws Exception {
    Path out = tmp.resolve("compiled-" + id);
    FlowCliTest.Run compiled = FlowCliTest.run("compile", FlowCliTest.SAMPLES.resolve(sample).toString(), "-o", out.toString());
    assertThat(compiled.exit()).as(compiled.out()).isZero();
    ObjectNode envelope = JSON.createObjectNode();
    envelope.set("pipelineConfig", JSON.readTree(out.resolve(id + ".json").toFile()));
    envelope.putObject("pipelineRules");
    Path export = tmp.resolve(id + "-export.json");
    Files.writeString(export, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(envelope));
    return export;
  }
}
