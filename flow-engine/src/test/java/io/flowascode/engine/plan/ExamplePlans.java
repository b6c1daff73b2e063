package io.flowascode.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.compiler.catalog.Catalog;
import io.flowascode.engine.diff.PipelineEdits;
import io.flowascode.engine.diff.TestCatalogs;
import io.flowascode.compiler.naming.StageNames;
import java.util.List;
import java.util.Map;

/** The hand-made plan the renderer goldens are made from: one flow of each action. */
public final class ExamplePlans {
  static final String REMOTE_REVISION = "5b0f0e56-3b1d-4c36-9a57-0f3d2f1c9e11";

  private ExamplePlans() {}

  static JsonNode remote() {
    return PipelineEdits.pipelineOf(TestCatalogs.resource(ExamplePlans.class, "expense-router-remote.json"));
  }

  static JsonNode desired() {
    return PipelineEdits.pipelineOf(TestCatalogs.resource(ExamplePlans.class, "expense-router-desired.json"));
  }

  /** The names the flow file of the desired pipeline gives its stages and predicates. */
  static StageNames desiredNames() {
    return new StageNames(Map.of("DevRawDataSource_01", "source", "StreamSelector_01", "route", "Trash_01", "big_sink",
        "Trash_02", "other", "Trash_03", "refunds", "PipelineFinisherExecutor_01", "finisher"),
        Map.of("StreamSelector_01", List.of("big", "refunds")));
  }

  /** The names of the flow file the remote pipeline was compiled from. */
  static StageNames remoteNames() {
    return new StageNames(Map.of("DevRawDataSource_01", "source", "StreamSelector_01", "route", "Trash_01", "big_sink",
        "Trash_02", "other", "PipelineFinisherExecutor_01", "finisher"),
        Map.of("StreamSelector_01", List.of("big")));
  }

  public static Plan plan() {
    Catalog catalog = TestCatalogs.mini();
    return new Plan(List.of(
        FlowPlan.compute("stable-flow", desired(), "rev-stable", desired(), desiredNames(), catalog),
        FlowPlan.compute("expense-router", remote(), REMOTE_REVISION, desired(), desiredNames(), catalog),
        FlowPlan.compute("legacy-router", remote(), "rev-legacy", null, catalog),
        FlowPlan.compute("expense-archive", null, null, remote(), remoteNames(), catalog)));
  }
}
