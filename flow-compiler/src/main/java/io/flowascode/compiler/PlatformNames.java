package io.flowascode.compiler;

/**
 * Names fixed by the platform or by this tool's contract with it, written once: the compiler, the
 * platform's rules, the importer, the store simulation and the engine all refer to them here.
 */
public final class PlatformNames {
  /** Data Collector's Discard error stage, the error stage a flow gets when it names none. */
  public static final String DISCARD_STAGE = "com_streamsets_pipeline_stage_destination_devnull_ToErrorNullDTarget";

  /** The metadata label marking a flow this tool created and owns (kept by Data Collector's saves). */
  public static final String MANAGED_LABEL = "managed-by-flow-as-code";

  /** The metadata entry marking a flow this tool owns, which watsonx keeps where it resets labels. */
  public static final String MANAGED_BY_KEY = "managedBy";

  /** The value of {@link #MANAGED_BY_KEY}. */
  public static final String MANAGED_BY_VALUE = "flow-as-code";

  /** The end of a stage's event lane name: {@code <instance>_EventLane}. */
  public static final String EVENT_LANE_SUFFIX = "_EventLane";

  /** What joins an instance name and the rest of an output lane name: {@code <instance>OutputLane<id>}. */
  public static final String OUTPUT_LANE_INFIX = "OutputLane";

  private PlatformNames() {}
}
