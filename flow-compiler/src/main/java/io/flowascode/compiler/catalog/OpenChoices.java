package io.flowascode.compiler.catalog;

import java.util.Set;

/**
 * Value choosers whose config the platform stores as plain text: their list is only what the UI
 * offers, and the engine accepts any value on save. For the others the engine converts the value
 * to an enum when it creates the stage and refuses anything else (CREATION_010).
 *
 * <p>The definitions do not say which is which; the values provider does. This list was
 * established against a real Data Collector 3.22.2 by setting every value chooser of every stage
 * to a value outside its list, and every value chooser of the pipeline's settings likewise:
 * exactly the choosers of these providers were accepted (the engine verdicts recorded in
 * flow-compiler's test resources check it again).
 */
public final class OpenChoices {
  private static final Set<String> PROVIDERS = Set.of(
      "com.streamsets.pipeline.config.CharsetChooserValues",
      "com.streamsets.pipeline.config.TimeZoneChooserValues",
      "com.streamsets.pipeline.lib.http.logging.JulLogLevelChooserValues",
      "com.streamsets.pipeline.stage.destination.syslog.ProtocolChooserValues",
      // The pipeline's choices of special stages, stored as `library::stage::version` text.
      "com.streamsets.datacollector.config.ErrorHandlingChooserValues",
      "com.streamsets.datacollector.config.StatsTargetChooserValues",
      "com.streamsets.datacollector.config.PipelineLifecycleStageChooserValues",
      "com.streamsets.datacollector.config.PipelineTestStageChooserValues");

  private OpenChoices() {}

  public static boolean isOpen(String valuesProviderClass) {
    return valuesProviderClass != null && PROVIDERS.contains(valuesProviderClass);
  }
}
