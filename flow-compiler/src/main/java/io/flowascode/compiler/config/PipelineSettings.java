package io.flowascode.compiler.config;

import java.util.Objects;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.compiler.catalog.ConfigDefinition;
import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.model.ConfigEntry;
import io.flowascode.model.FlowHeader;
import io.flowascode.yaml.SourceMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pipeline's own configuration, bound from the flow's `settings:`. */
public final class PipelineSettings {
  private final Catalog catalog;
  private final Diagnostics out;

  private PipelineSettings(Catalog catalog, Diagnostics out) {
    this.catalog = catalog;
    this.out = out;
  }

  /**
   * @param keepRejected see {@link ConfigBinder#keepingRejected(boolean)}
   */
  public static BoundConfig bind(SourceMap map, FlowHeader header, Catalog catalog, boolean keepRejected,
      Diagnostics out) {
    PipelineSettings s = new PipelineSettings(catalog, out);
    return ConfigBinder.forSettings(map, out).keepingRejected(keepRejected)
        .bind(s.ownSettings(header), s.pipelineTargets(), "the pipeline");
  }

  /**
   * Drops, with an error, the pipeline settings the language expresses elsewhere, so the flow
   * can never name one error stage in `settings` and emit another.
   */
  private List<ConfigEntry> ownSettings(FlowHeader header) {
    List<ConfigEntry> entries = header.settings();
    // The test origin and statistics stages may be chosen by their settings alone, unless the
    // flow declares the stage itself.
    Map<String, String> reserved = Map.of(
        "badRecordsHandling", "error_records: <label>",
        "startEventStage", "start_event: <label>",
        "stopEventStage", "stop_event: <label>",
        "constants", "parameters: {NAME: value}",
        "statsAggregatorStage", header.statsAggregator().isPresent() ? "stats_aggregator: <label>" : "",
        "testOriginStage", header.testOrigin().isPresent() ? "test_origin: <label>" : "");
    Map<String, String> byName = new LinkedHashMap<>();
    for (ConfigDefinition c : catalog.pipelineConfigs()) {
      if (reserved.containsKey(c.name()) && !reserved.get(c.name()).isEmpty()) {
        byName.put(c.name(), c.name());
        byName.put(c.attributeName(), c.name());
      }
    }
    List<ConfigEntry> kept = new ArrayList<>();
    for (ConfigEntry e : entries) {
      String raw = byName.get(e.key().value());
      if (raw == null) {
        kept.add(e);
        continue;
      }
      // Every raw name here is a key of `reserved` with a replacement (see byName).
      String instead = Objects.requireNonNull(reserved.get(raw));
      out.add(Diagnostic.of(Code.SETTING_WRONG_VALUE, e.key().span(),
              "`" + e.key().value() + "` is not set under `settings`")
          .label("set through `" + instead.substring(0, instead.indexOf(':')) + "` instead")
          .help("write `" + instead + "` under `flow:`; the compiler then sets `" + raw + "` to match the stage it emits")
          .build());
    }
    return kept;
  }

  private List<ConfigTarget> pipelineTargets() {
    return catalog.pipelineConfigs().stream().map(c -> new ConfigTarget(Optional.empty(), c)).toList();
  }
}
