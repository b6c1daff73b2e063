package io.flowascode.engine.diff;

/**
 * The pipeline's stages that are not on the canvas: each is held in its own top-level field and
 * mirrored by a pipeline setting holding its `library::stageName::version`.
 */
public enum SpecialStage {
  ERROR_RECORDS("error_records", "errorStage", "badRecordsHandling"),
  STATS_AGGREGATOR("stats_aggregator", "statsAggregatorStage", "statsAggregatorStage"),
  START_EVENT("start_event", "startEventStages", "startEventStage"),
  STOP_EVENT("stop_event", "stopEventStages", "stopEventStage"),
  TEST_ORIGIN("test_origin", "testOriginStage", "testOriginStage");

  private final String word;
  private final String field;
  private final String setting;

  SpecialStage(String word, String field, String setting) {
    this.word = word;
    this.field = field;
    this.setting = setting;
  }

  /** The flow language's name for it (`error_records`). */
  public String word() {
    return word;
  }

  /** The top-level pipeline field holding the stage (a list for the lifecycle event stages). */
  public String field() {
    return field;
  }

  /** The pipeline setting that mirrors the stage. */
  public String setting() {
    return setting;
  }

  /** True when the setting is owned by a special stage and so not diffed as a plain setting. */
  public static boolean isMirrorSetting(String settingName) {
    for (SpecialStage s : values()) {
      if (s.setting.equals(settingName)) {
        return true;
      }
    }
    return false;
  }
}
