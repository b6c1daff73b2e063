package io.flowascode.compiler.fragment;

import io.flowascode.compiler.catalog.StageType;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a fragment is to the pipeline that uses it, by how it connects: one that starts with an
 * origin (no input), one in the middle (an input and outputs), one at the end (an input, no
 * outputs). Each kind stands in the pipeline as its own placeholder stage of Data Collector's basic
 * library ({@code FragmentSource}, {@code FragmentProcessor}, {@code FragmentTarget}), named as
 * the platform names them.
 */
public enum FragmentKind {
  ORIGIN("com_streamsets_pipeline_stage_origin_fragment_FragmentSource", "FragmentOrigin_1", "Origins", StageType.ORIGIN),
  PROCESSOR("com_streamsets_pipeline_stage_processor_fragment_FragmentProcessor", "FragmentProcessor_1", "Processors",
      StageType.PROCESSOR),
  DESTINATION("com_streamsets_pipeline_stage_destination_fragment_FragmentTarget", "FragmentDestination_1", "Destinations",
      StageType.DESTINATION);

  /** The library of the placeholder stages. */
  public static final String LIBRARY = "streamsets-datacollector-basic-lib";
  /** The version of the placeholder stages. */
  public static final String VERSION = "1";
  /** The placeholder configs that name the fragment and the instance. */
  public static final String FRAGMENT_ID = "conf.fragmentId";
  public static final String INSTANCE_ID = "conf.fragmentInstanceId";

  private final String stageName;
  private final String placeholderName;
  private final String metadataLabel;
  private final StageType type;

  FragmentKind(String stageName, String placeholderName, String metadataLabel, StageType type) {
    this.stageName = stageName;
    this.placeholderName = placeholderName;
    this.metadataLabel = metadataLabel;
    this.type = type;
  }

  public static FragmentKind of(boolean hasInput, boolean hasOutputs) {
    if (!hasInput) {
      return ORIGIN;
    }
    return hasOutputs ? PROCESSOR : DESTINATION;
  }

  public static Optional<FragmentKind> ofStageName(String stageName) {
    return Arrays.stream(values()).filter(k -> k.stageName.equals(stageName)).findFirst();
  }

  /** The placeholder stage's definition name. */
  public String stageName() {
    return stageName;
  }

  /**
   * The instance name of the placeholder inside the fragment ({@code fragmentStageConfiguration});
   * the pipeline's placeholder is named {@code <instance id>_<this>}.
   */
  public String placeholderName() {
    return placeholderName;
  }

  /** The label Control Hub files the fragment under in its metadata (`Origins`). */
  public String metadataLabel() {
    return metadataLabel;
  }

  public StageType type() {
    return type;
  }

  /** `library::stageName::version`. */
  public String reference() {
    return LIBRARY + "::" + stageName + "::" + VERSION;
  }
}
