package io.flowascode.compiler.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.compiler.catalog.ConfigModel;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The values of open choosers (charsets, time zones, log levels), which the engine saves whatever
 * they are but the stage refuses when it starts (DATA_FORMAT_05 for a data format's charset, and
 * codes of the stage's own elsewhere): a charset the JVM supports, a time zone it knows, else one
 * of the values the definition offers. The issue carries no code: each stage reports its own.
 * The stages listed here were seen to start with such a value (recorded against the engine); the
 * value is then only suspicious, and the issue a tool's remark.
 */
final class OpenChoiceRules implements PipelineRule {
  private static final java.util.Set<String> NOT_CHECKED_ON_START = java.util.Set.of(
      "com_streamsets_pipeline_stage_destination_fifo_FifoDTarget",
      "com_streamsets_pipeline_stage_destination_mqtt_MqttClientDTarget",
      "com_streamsets_pipeline_stage_destination_syslog_SyslogDTarget",
      "com_streamsets_pipeline_stage_processor_aggregation_AggregationDProcessor");

  @Override
  public void check(Verification v) {
    for (StageInstance s : v.pipeline().allStages()) {
      if (v.publishedDefinition(s).isEmpty()) {
        continue;
      }
      check(v, s, v.component(s));
      for (ServiceInstance service : s.services()) {
        if (v.catalog().service(service.service()).isPresent()) {
          check(v, s, v.component(s, service));
        }
      }
    }
  }

  private static void check(Verification v, StageInstance stage, Component c) {
    for (ConfigDefinition def : c.definitions().values()) {
      Optional<ConfigModel> m = def.model().filter(x -> x.isValueChooser() && x.openChoice());
      Optional<JsonNode> value = c.value(def.name()).filter(JsonNode::isTextual);
      if (m.isEmpty() || value.isEmpty() || !ConfigActivation.isActive(def, c::triggerValue)) {
        continue;
      }
      String text = value.get().textValue();
      if (text.contains("${") || accepted(def, m.get(), text)) {
        continue;
      }
      boolean checked = !NOT_CHECKED_ON_START.contains(stage.stageName());
      v.report(new PipelineIssue(null, stage.issueName(), c.service(), def.name(), stage.displayName()
          + ": `" + text + "` is not a value `" + def.name() + "` takes"
          + (checked ? "; the stage refuses it when it starts" : ""), checked ? IssuePhase.START : IssuePhase.EXTRA));
    }
  }

  /** A listed value, or what the engine's JVM takes for a charset or a time zone. */
  static boolean accepted(ConfigDefinition def, ConfigModel m, String text) {
    if (m.values().contains(text)) {
      return true;
    }
    String name = def.name().toLowerCase(Locale.ROOT);
    if (name.contains("charset")) {
      try {
        return Charset.isSupported(text);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    if (name.contains("timezone")) {
      try {
        ZoneId.of(text);
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }
    return false;
  }
}
