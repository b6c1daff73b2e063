package io.flowascode.compiler.verify;

/** Where a stage sits in the pipeline JSON: on the canvas, or in one of the special slots. */
enum StageRole {
  CANVAS("stages", "stage"),
  ERROR("errorStage", "the error stage"),
  STATS_AGGREGATOR("statsAggregatorStage", "the statistics aggregator stage"),
  START_EVENT("startEventStages", "the start event stage"),
  STOP_EVENT("stopEventStages", "the stop event stage"),
  TEST_ORIGIN("testOriginStage", "the test origin stage");

  private final String field;
  private final String description;

  StageRole(String field, String description) {
    this.field = field;
    this.description = description;
  }

  /** The top-level field of the pipeline JSON holding stages in this role. */
  String field() {
    return field;
  }

  /** How messages name the role: "the error stage". */
  String description() {
    return description;
  }

  boolean onCanvas() {
    return this == CANVAS;
  }

  /** Where a stage in this role sits in the JSON: {@code stages[3]}, {@code errorStage}. */
  String slot(int position) {
    boolean list = this == CANVAS || this == START_EVENT || this == STOP_EVENT;
    return list ? field + "[" + position + "]" : field;
  }
}
