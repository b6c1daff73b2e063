package io.flowascode.compiler.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SDK's label-to-attribute rule, with the examples of the platform notes (§3.4). */
class AttributeNamesTest {
  @Test
  void lowerCasesAndJoinsWordsWithUnderscores() {
    assertThat(AttributeNames.fromLabel("Stop After First Batch", "stopAfterFirstBatch")).isEqualTo("stop_after_first_batch");
    assertThat(AttributeNames.fromLabel("Retry Pipeline on Error", "shouldRetry")).isEqualTo("retry_pipeline_on_error");
    assertThat(AttributeNames.fromLabel("Multi-Character  Field Delimiter", "x")).isEqualTo("multi_character_field_delimiter");
  }

  @Test
  void turnsAParenthesisedUnitIntoIn() {
    assertThat(AttributeNames.fromLabel("Max Batch Size (records)", "maxBatchSize")).isEqualTo("max_batch_size_in_records");
  }

  @Test
  void spellsOutAmpersandAndPerSecond() {
    assertThat(AttributeNames.fromLabel("Rate Limit (records / sec)", "rateLimit"))
        .isEqualTo("rate_limit_in_records_/_sec");
    assertThat(AttributeNames.fromLabel("Records/sec", "rate")).isEqualTo("records_per_sec");
    assertThat(AttributeNames.fromLabel("Date & Time Format", "format")).isEqualTo("date_and_time_format");
  }

  @Test
  void withoutALabelUnderscoresTheLastSegmentOfTheFieldName() {
    assertThat(AttributeNames.fromLabel("", "conf.dataFormatConfig.csvFileFormat")).isEqualTo("csv_file_format");
    assertThat(AttributeNames.fromLabel(null, "hikariConfigBean.connectionString")).isEqualTo("connection_string");
    assertThat(AttributeNames.underscore("HTTPMethod")).isEqualTo("http_method");
  }
}
