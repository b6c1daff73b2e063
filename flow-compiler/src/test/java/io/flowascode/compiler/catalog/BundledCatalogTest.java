package io.flowascode.compiler.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.CorpusPipelines.CorpusFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundledCatalogTest {
  private final Catalog catalog = BundledCatalog.load();

  @Test
  void isReadOnceAndShared() {
    assertThat(BundledCatalog.load()).isSameAs(catalog);
  }

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource({
      "Dev Raw Data Source, origin",
      "Trash, destination",
      "Pipeline Finisher Executor, executor",
      "Amazon SQS Consumer, origin",
      "Amazon S3, origin",
      "Amazon S3, destination",
      "Amazon S3, executor",
      "Stream Selector, processor",
      "Dev Data Generator, origin",
      "Field Remover, processor",
      "Field Renamer, processor",
  })
  void hasEveryStageTheSeedPageUses(String label, String type) {
    assertThat(catalog.byLabel(label))
        .as("stages labelled %s", label)
        .anyMatch(s -> s.type().word().equals(type) && s.onCanvas());
  }

  @Test
  void amazonS3IsAnOriginADestinationAndAnExecutor() {
    Set<StageType> types = catalog.byLabel("Amazon S3").stream().map(StageDefinition::type).collect(Collectors.toSet());

    assertThat(types).containsExactlyInAnyOrder(StageType.ORIGIN, StageType.DESTINATION, StageType.EXECUTOR);
  }

  @Test
  void hasThePipelineConfigsAndServicesOfTheRealEngine() {
    assertThat(catalog.pipelineConfigs()).extracting(ConfigDefinition::name)
        .contains("executionMode", "deliveryGuarantee", "badRecordsHandling", "shouldRetry", "constants");
    assertThat(catalog.service("com.streamsets.pipeline.api.service.dataformats.DataFormatParserService"))
        .hasValueSatisfying(s -> assertThat(s.version()).isEqualTo(3));
  }

  @Test
  void theDefaultErrorStageIsDiscardAndNotForTheCanvas() {
    StageDefinition discard = catalog.find("streamsets-datacollector-basic-lib",
        "com_streamsets_pipeline_stage_destination_devnull_ToErrorNullDTarget", "1").orElseThrow();

    assertThat(discard.label()).isEqualTo("Discard");
    assertThat(discard.errorStage()).isTrue();
    assertThat(discard.onCanvas()).isFalse();
  }

  @Test
  void containsEveryStageOfTheRealEngineExactlyAsPublished() throws Exception {
    Catalog real = DefinitionsFiles.read(SharedFiles.realDefinitions());

    for (StageDefinition s : real.stages()) {
      assertThat(catalog.find(s.library(), s.name(), s.version())).as(s.reference()).contains(s);
    }
  }

  @Test
  void resolvesTheFortyStagesTheCorpusUsesMost() throws Exception {
    List<CorpusFile> corpus = CorpusPipelines.read(SharedFiles.corpus());
    Map<String, Integer> uses = new LinkedHashMap<>();
    for (CorpusFile f : corpus) {
      for (JsonNode stage : f.pipelineConfig().path("stages")) {
        uses.merge(stage.path("stageName").asText(), 1, Integer::sum);
      }
    }
    List<String> top = uses.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(40).map(Map.Entry::getKey).toList();

    assertThat(top).hasSize(40);
    assertThat(top).allSatisfy(name -> assertThat(catalog.byName(name)).as(name).isNotEmpty());
  }

  @Test
  void resolvesEveryStageOfEveryCorpusPipelineToItsLabelAndType() throws Exception {
    for (CorpusPipelines.StageInstance i : CorpusPipelines.instances(CorpusPipelines.read(SharedFiles.corpus()))) {
      StageDefinition s = catalog.findClosest(i.library(), i.stageName(), i.version()).orElse(null);
      assertThat(s).as("%s in %s", i.stageName(), i.file()).isNotNull();
      assertThat(s.label()).as(s.reference()).isNotBlank();
      assertThat(s.type().platformName()).as(s.reference()).isEqualTo(i.platformType());
    }
  }

  @Test
  void aStageNoFilePublishesIsInferredFromTheCorpusWithFieldNameAttributes() {
    StageDefinition lookup = catalog.byName("com_streamsets_pipeline_stage_processor_jdbclookup_JdbcLookupDProcessor")
        .get(0);

    assertThat(lookup.inferred()).isTrue();
    assertThat(lookup.library()).isEqualTo("streamsets-datacollector-jdbc-lib");
    assertThat(lookup.version()).isEqualTo("3");
    // Most instances were relabelled by their authors; the label matching the instance names wins.
    assertThat(lookup.label()).isEqualTo("JDBC Lookup");
    assertThat(lookup.type()).isEqualTo(StageType.PROCESSOR);
    assertThat(lookup.fixedOutputs()).isEqualTo(1);
    ConfigDefinition connection = lookup.config("hikariConfigBean.connectionString").orElseThrow();
    assertThat(connection.label()).isEmpty();
    assertThat(connection.attributeName()).isEqualTo("connection_string");
    // A config whose name suggests a secret never gets a default from the corpus.
    assertThat(lookup.config("hikariConfigBean.password").orElseThrow().defaultValue().isNull()).isTrue();
    // The framework's own configs are taken from a published definition, not guessed.
    assertThat(lookup.config("stageOnRecordError").orElseThrow().model().orElseThrow().values())
        .containsExactly("DISCARD", "TO_ERROR", "STOP_PIPELINE");
  }

  @Test
  void aStageOnlyEverUsedForErrorRecordsIsAnErrorStage() {
    StageDefinition toKafka = catalog.byName("com_streamsets_pipeline_stage_destination_kafka_ToErrorKafkaDTarget").get(0);

    assertThat(toKafka.inferred()).isTrue();
    assertThat(toKafka.label()).isEqualTo("Write to Kafka");
    assertThat(toKafka.errorStage()).isTrue();
    assertThat(toKafka.onCanvas()).isFalse();
  }

  @Test
  void theReferenceEnginesVersionComesFirstAndTheOthersAPipelineUsesAreKept() {
    List<StageDefinition> directory = catalog.byName("com_streamsets_pipeline_stage_origin_spooldir_SpoolDirDSource");

    // Version 13 is only seen in another engine's export: a flow that names no version gets the
    // reference engine's 12, which is what that engine can run.
    assertThat(directory).extracting(StageDefinition::version).containsExactly("12", "13", "11");
    assertThat(directory.get(0).fromEngine()).isTrue();
    assertThat(directory.get(1).fromEngine()).isFalse();
  }
}
