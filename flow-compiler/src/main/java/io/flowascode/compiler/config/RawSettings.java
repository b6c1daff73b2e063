package io.flowascode.compiler.config;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * A flow's `raw_settings:`: pipeline configuration entries the language passes through verbatim,
 * by raw name, for settings the catalog does not define (another engine version's: old EMR
 * settings, `memoryLimit`) or values it does not accept. The engine keeps such entries as they
 * are, so a pipeline that holds them comes back whole; since nothing checks them, every flow that
 * has some gets one warning naming them.
 */
public final class RawSettings {
  /** Settings the flow sets through its own fields, never verbatim. */
  private static final Map<String, String> OWNED = Map.of(
      "constants", "parameters",
      "badRecordsHandling", "error_records",
      "startEventStage", "start_event",
      "stopEventStage", "stop_event");

  private RawSettings() {}

  /**
   * @param settings the flow's bound `settings:`, which must not set the same configuration
   * @return the entries to emit after the catalog's settings, by raw name, in written order
   */
  public static Map<String, JsonNode> read(FlowHeader header, BoundConfig settings, SourceMap map, Diagnostics out) {
    Map<String, JsonNode> raw = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (ConfigEntry e : header.rawSettings()) {
      String name = e.key().value();
      String owner = OWNED.get(name);
      if (owner == null && name.equals("statsAggregatorStage") && header.statsAggregator().isPresent()) {
        owner = "stats_aggregator";
      }
      if (owner == null && name.equals("testOriginStage") && header.testOrigin().isPresent()) {
        owner = "test_origin";
      }
      if (owner != null) {
        out.add(Diagnostic.of(Code.SETTING_WRONG_VALUE, e.key().span(), "`" + name + "` is not set verbatim")
            .label("set through `" + owner + "` instead")
            .help("write `" + owner + ":` under `flow:`; the compiler sets `" + name + "` to match it")
            .build());
        continue;
      }
      if (settings.values().containsKey(name)) {
        out.add(Diagnostic.of(Code.CONFIG_SET_TWICE, e.key().span(),
                "`" + name + "` is set under both `settings` and `raw_settings`")
            .label("set again here")
            .help("keep one of them: `settings` checks the value, `raw_settings` sends it unchecked")
            .build());
        continue;
      }
      raw.put(name, e.value());
      names.add(name);
    }
    if (!names.isEmpty()) {
      List<String> shown = names.stream().limit(6).map(n -> "`" + n + "`").toList();
      String list = String.join(", ", shown) + (names.size() > shown.size() ? " and " + (names.size() - shown.size()) + " more" : "");
      out.add(Diagnostic.of(Code.VERBATIM_SETTINGS, map.keySpan("/flow/raw_settings"),
              names.size() + " pipeline setting" + (names.size() == 1 ? " is" : "s are") + " sent verbatim, unchecked: " + list)
          .label("not checked against the pipeline's definition")
          .help("settings the target engine does not define are kept by it but do nothing; remove the ones you do not need,"
              + " or move a setting the catalog knows to `settings:`")
          .build());
    }
    return raw;
  }
}
