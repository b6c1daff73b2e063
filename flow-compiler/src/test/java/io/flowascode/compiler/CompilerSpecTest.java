package io.flowascode.compiler;

import io.flowascode.compiler.emit.PipelineTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the compiler makes of small flows: names, lanes, predicates, configuration and errors. */
class CompilerSpecTest {
  private final FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT);

  private Compilation compile(String yaml) {
    return compiler.compile(new SourceFile("test.flow.yaml", yaml));
  }

  private JsonNode pipeline(String yaml) {
    Compilation c = compile(yaml);
    assertThat(c.diagnostics().stream().filter(Diagnostic::isError).toList()).isEmpty();
    return PipelineTrees.tree(c.pipeline().orElseThrow());
  }

  private static JsonNode stage(JsonNode pipeline, String instance) {
    for (JsonNode s : pipeline.get("stages")) {
      if (s.get("instanceName").asText().equals(instance)) {
        return s;
      }
    }
    throw new AssertionError("no stage " + instance);
  }

  private static JsonNode config(JsonNode stage, String name) {
    for (JsonNode c : stage.get("configuration")) {
      if (c.get("name").asText().equals(name)) {
        return c.get("value");
      }
    }
    throw new AssertionError("no config " + name);
  }

  private static List<String> codes(Compilation c) {
    List<String> codes = new ArrayList<>();
    c.diagnostics().forEach(d -> codes.add(d.code().id()));
    return codes;
  }

  private static final String HEADER = "flow: {id: t}\n";

  @Test
  void instanceNamesAreTheLabelWithTheFirstFreeNumberInFileOrder() {
    JsonNode p = pipeline(HEADER + """
        stages:
          src: {label: Dev Raw Data Source}
          a: {label: Trash, instance_name: Trash_01}
          b: {label: Trash}
          c: {label: Trash}
        connections:
          - src >> [a, b, c]
        """);
    List<String> names = new ArrayList<>();
    p.get("stages").forEach(s -> names.add(s.get("instanceName").asText() + "=" + s.at("/uiInfo/label").asText()));
    assertThat(names).containsExactly(
        "DevRawDataSource_01=Dev Raw Data Source 1", "Trash_01=Trash 1", "Trash_02=Trash 2", "Trash_03=Trash 3");
  }

  @Test
  void readableAndRawConfigNamesBothWorkAndDefaultsAreFilled() {
    JsonNode p = pipeline(HEADER + """
        stages:
          src:
            label: Dev Raw Data Source
            config:
              stop_after_first_batch: true
              rawData: 'x'
              data_format: TEXT
          t: {label: Trash}
        connections: [src >> t]
        """);
    JsonNode src = stage(p, "DevRawDataSource_01");
    assertThat(config(src, "stopAfterFirstBatch").asBoolean()).isTrue();
    assertThat(config(src, "rawData").asText()).isEqualTo("x");
    assertThat(config(src, "stageOnRecordError").asText()).isEqualTo("TO_ERROR");
    JsonNode service = src.at("/services/0");
    assertThat(service.get("service").asText()).endsWith("DataFormatParserService");
    List<String> formats = new ArrayList<>();
    service.get("configuration").forEach(c -> {
      if (c.get("name").asText().equals("dataFormat")) {
        formats.add(c.get("value").asText());
      }
    });
    assertThat(formats).containsExactly("TEXT");
  }

  @Test
  void predicatesKeepWrittenOrderWithDefaultLastAndLanesMatchOutputLanes() {
    JsonNode p = pipeline(HEADER + """
        stages:
          src: {label: Dev Raw Data Source}
          route:
            label: Stream Selector
            predicates:
              big: '${record:value("/x") > 1}'
              small: '${record:value("/x") < 0}'
          a: {label: Trash}
          b: {label: Trash}
          c: {label: Trash}
        connections:
          - src >> route
          - route[big] >> a
          - route[small] >> b
          - route[default] >> c
        """);
    JsonNode route = stage(p, "StreamSelector_01");
    JsonNode predicates = config(route, "lanePredicates");
    assertThat(predicates).hasSize(3);
    assertThat(predicates.get(0).get("predicate").asText()).isEqualTo("${record:value(\"/x\") > 1}");
    assertThat(predicates.get(2).get("predicate").asText()).isEqualTo("default");
    for (int i = 0; i < 3; i++) {
      assertThat(predicates.get(i).get("outputLane")).isEqualTo(route.get("outputLanes").get(i));
    }
    assertThat(stage(p, "Trash_02").get("inputLanes").get(0)).isEqualTo(route.get("outputLanes").get(1));
    assertThat(route.get("outputLanes").get(0).asText()).matches("StreamSelector_01OutputLane[0-9a-f_]{36}");
  }

  @Test
  void eventLanesAreNamedAfterTheInstance() {
    JsonNode p = pipeline(HEADER + """
        stages:
          src: {label: Dev Raw Data Source}
          t: {label: Trash}
          fin: {label: Pipeline Finisher Executor}
        connections: [src >> t]
        events: [src >> fin]
        """);
    assertThat(stage(p, "DevRawDataSource_01").get("eventLanes").get(0).asText()).isEqualTo("DevRawDataSource_01_EventLane");
    assertThat(stage(p, "PipelineFinisherExecutor_01").get("inputLanes").get(0).asText()).isEqualTo("DevRawDataSource_01_EventLane");
  }

  @Test
  void anAmbiguousLabelListsTheCandidatesInsteadOfPickingOne() {
    Compilation c = compile(HEADER + """
        stages:
          s3: {label: Amazon S3}
        """);
    Diagnostic d = c.diagnostics().stream().filter(x -> x.code().id().equals("E0302")).findFirst().orElseThrow();
    assertThat(d.help().orElseThrow()).contains("`origin`", "`destination`", "`executor`");
    assertThat(d.notes()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(c.pipeline()).isEmpty();
  }

  @Test
  void anUnknownLabelSuggestsTheNearestOne() {
    Compilation c = compile(HEADER + """
        stages:
          src: {label: Dev Raw Data Source}
          t: {label: Trsh}
        connections: [src >> t]
        """);
    Diagnostic d = c.diagnostics().stream().filter(x -> x.code().id().equals("E0301")).findFirst().orElseThrow();
    assertThat(d.help()).contains("did you mean `Trash`?");
    assertThat(d.span().start().line()).isEqualTo(4);
    assertThat(d.span().start().column()).isEqualTo(14);
  }

  @Test
  void everyProblemIsReportedInOneRun() {
    Compilation c = compile(HEADER + """
        stages:
          src: {label: Dev Raw Data Source, config: {stop_after_frist_batch: true}}
          route: {label: Stream Selector, predicates: {big: 'x > 1'}}
          t: {label: Trash}
        connections:
          - src >> route
          - route[bgi] >> t
          - t >> src
        """);
    assertThat(codes(c)).contains("E0401", "E0515", "E0502", "E0506", "E0507");
  }

  @Test
  void platformRulesAreCheckedBeforeThePlatformSeesTheFlow() {
    Compilation c = compile(HEADER + """
        stages:
          src: {label: Dev Raw Data Source}
          p: {label: Field Remover}
          t: {label: Trash}
          fin: {label: Pipeline Finisher Executor}
        connections:
          - src >> p
          - p >> t
        events:
          - t >> fin
          - p >> fin
        """);
    assertThat(codes(c)).contains("E0508");
  }

  @Test
  void twoLanesBetweenTheSameStagesAreRefused() {
    Compilation c = compile(HEADER + """
        stages:
          src: {label: Dev Raw Data Source}
          route: {label: Stream Selector, predicates: {a: '${1 == 1}'}}
          t: {label: Trash}
        connections:
          - src >> route
          - route[a] >> t
          - route[default] >> t
        """);
    assertThat(codes(c)).contains("E0510");
  }

  @Test
  void cyclesAreRefused() {
    Compilation c = compile(HEADER + """
        stages:
          src: {label: Dev Raw Data Source}
          a: {label: Field Remover}
          b: {label: Field Remover}
          t: {label: Trash}
        connections:
          - src >> a >> b >> a
          - b >> t
        """);
    assertThat(codes(c)).contains("E0511");
  }

  @Test
  void anHttpRouterHasOneNumberedOutputPerRouteAndEachRouteNamesItsLane() {
    JsonNode p = pipeline(HEADER + """
        stages:
          api: {label: HTTP Server, config: {data_format: JSON}}
          router:
            label: HTTP Router
            config:
              router_lane_configs:
                - {http_method: GET, path_parameter: /users}
                - {http_method: POST, path_parameter: /users}
          reads: {label: Trash}
          writes: {label: Trash}
        connections:
          - api >> router
          - router[1] >> reads
          - router[2] >> writes
        """);
    JsonNode router = stage(p, "HTTPRouter_01");
    JsonNode routes = config(router, "routerLaneConfigs");
    assertThat(router.get("outputLanes")).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(routes.get(i).get("outputLane")).isEqualTo(router.get("outputLanes").get(i));
    }
    assertThat(stage(p, "Trash_02").get("inputLanes").get(0)).isEqualTo(router.get("outputLanes").get(1));
  }
}
