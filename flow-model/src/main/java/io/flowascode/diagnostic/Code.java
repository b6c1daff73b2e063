package io.flowascode.diagnostic;

import org.jspecify.annotations.Nullable;
import java.util.Optional;

/**
 * Every diagnostic the tool can emit, with a stable id users can search for. Ids never change
 * meaning once released; a retired code is kept and marked so.
 */
public enum Code {
  // Retired before the first release, as nothing could emit them: E0519 (a selector without
  // predicates is W0702, the compiler always writes the `default` predicate), E0521 (event lanes
  // are emitted only when connected), W0799 (renderers print how many diagnostics they left out
  // as a plain line). Do not reuse these ids. W0603 was retired the same way and is back with its
  // one meaning, now that the engine's expression catalog makes the check reliable.

  // E01xx: reading the file
  FILE_UNREADABLE("E0100", Severity.ERROR, "the file cannot be read"),
  YAML_SYNTAX("E0101", Severity.ERROR, "the file is not valid YAML"),
  DUPLICATE_KEY("E0102", Severity.ERROR, "a mapping has the same key twice"),
  MERGE_KEY("E0103", Severity.ERROR, "YAML merge keys (<<) are not supported"),
  NON_STRING_KEY("E0104", Severity.ERROR, "a mapping key is not a plain string"),
  TOO_MANY_ALIASES("E0105", Severity.ERROR, "too many YAML aliases (possible billion-laughs input)"),
  TOO_DEEP("E0106", Severity.ERROR, "the document nests deeper than allowed"),
  TOO_LARGE("E0107", Severity.ERROR, "the file or a value in it is larger than allowed"),
  EMPTY_DOCUMENT("E0108", Severity.ERROR, "the file holds no flow"),
  MULTIPLE_DOCUMENTS("E0109", Severity.ERROR, "the file holds more than one YAML document"),
  NOT_UTF8("E0110", Severity.ERROR, "the file is not UTF-8 text"),
  BYTE_ORDER_MARK("W0111", Severity.WARNING, "the file starts with a byte-order mark"),
  TAB_INDENT("E0112", Severity.ERROR, "tabs used for indentation"),
  ALIAS_USED("E0113", Severity.ERROR, "anchors and aliases are limited in flow files"),
  CUSTOM_TAG("E0114", Severity.ERROR, "YAML tags are not supported in flow files"),

  // E02xx: the shape of the file (the JSON Schema)
  UNKNOWN_PROPERTY("E0201", Severity.ERROR, "a key that this section does not have"),
  MISSING_PROPERTY("E0202", Severity.ERROR, "a required key is missing"),
  WRONG_TYPE("E0203", Severity.ERROR, "a value of the wrong type"),
  INVALID_VALUE("E0204", Severity.ERROR, "a value that is not allowed here"),
  SCHEMA_VIOLATION("E0205", Severity.ERROR, "the file does not match the flow schema"),
  INVALID_CONNECTION_SYNTAX("E0206", Severity.ERROR, "a connection line that cannot be read"),
  INVALID_ID("E0207", Severity.ERROR, "an id with characters that are not allowed"),

  // E03xx: finding stage definitions
  UNKNOWN_LABEL("E0301", Severity.ERROR, "no stage in the catalog has this label"),
  AMBIGUOUS_LABEL("E0302", Severity.ERROR, "several stages have this label"),
  UNKNOWN_STAGE_NAME("E0303", Severity.ERROR, "no stage in the catalog has this name"),
  UNKNOWN_VERSION("E0304", Severity.ERROR, "the catalog has no such version of the stage"),
  NO_STAGE_OF_TYPE("E0305", Severity.ERROR, "the label exists, but not with this type or library"),
  STAGE_NOT_ON_CANVAS("E0306", Severity.ERROR, "this stage can only be an error, stats or lifecycle stage", "VALIDATION_0037"),
  INVALID_INSTANCE_NAME("E0307", Severity.ERROR, "an instance name with characters the platform rejects"),
  DUPLICATE_INSTANCE_NAME("E0308", Severity.ERROR, "two stages with the same instance name"),
  UNKNOWN_ERROR_STAGE("E0309", Severity.ERROR, "not a stage that can receive error records"),
  UNKNOWN_LIFECYCLE_STAGE("E0310", Severity.ERROR, "not a stage that can handle pipeline start or stop events"),
  DEFINITIONS_UNREADABLE("E0311", Severity.ERROR, "a definitions file that cannot be read"),
  UNSUPPORTED_EXECUTION_MODE("E0312", Severity.ERROR, "a stage that does not run in the pipeline's execution mode", "VALIDATION_0071"),

  // E04xx: configuration
  UNKNOWN_CONFIG("E0401", Severity.ERROR, "the stage has no configuration of this name"),
  CONFIG_WRONG_TYPE("E0402", Severity.ERROR, "a configuration value of the wrong type"),
  CONFIG_INVALID_CHOICE("E0403", Severity.ERROR, "a value that is not one of the allowed choices"),
  CONFIG_SET_TWICE("E0404", Severity.ERROR, "a configuration set under two names"),
  CONFIG_UNKNOWN_FIELD("E0405", Severity.ERROR, "a list item with a field its bean does not have"),
  CONFIG_OUT_OF_RANGE("E0406", Severity.ERROR, "a number outside the configuration's range"),
  CONFIG_IS_DEFAULT("W0407", Severity.WARNING, "a configuration set to its default value"),
  PREDICATES_AS_CONFIG("E0408", Severity.ERROR, "predicates are written under `predicates`, not `config`"),
  CONFIG_REQUIRED("E0409", Severity.ERROR, "a required configuration is not set", "VALIDATION_0007"),
  INVALID_EXPRESSION("E0410", Severity.ERROR, "an expression the engine cannot read or evaluate"),
  INVALID_FIELD_PATH("E0411", Severity.ERROR, "a field path the engine cannot read", "VALIDATION_0033"),
  INVALID_PRECONDITION("E0412", Severity.ERROR, "a record precondition the engine refuses", "VALIDATION_0080"),
  CONFIG_NAME_AMBIGUOUS("E0413", Severity.ERROR, "a readable name that names several configurations"),
  UNLISTED_CHOICE("W0414", Severity.WARNING, "a value the UI does not offer for a configuration that accepts any text"),
  LITERAL_SECRET("W0415", Severity.WARNING, "a credential written in plain text in the flow file"),

  // E05xx: connections and the platform's lane rules
  UNKNOWN_STAGE_REF("E0501", Severity.ERROR, "a connection names a stage that is not declared"),
  UNKNOWN_PREDICATE("E0502", Severity.ERROR, "a connection names a predicate the stage does not have"),
  NOT_A_SELECTOR("E0503", Severity.ERROR, "predicates on a stage that has no predicates"),
  NO_SUCH_OUTPUT("E0504", Severity.ERROR, "the stage has no output with this number"),
  INPUT_INTO_ORIGIN("E0505", Severity.ERROR, "an origin cannot have inputs", "VALIDATION_0012"),
  OUTPUT_FROM_SINK("E0506", Severity.ERROR, "destinations and executors have no data output", "VALIDATION_0013"),
  UNCONSUMED_OUTPUT("E0507", Severity.ERROR, "an output that no stage reads", "VALIDATION_0011"),
  NO_EVENTS("E0508", Severity.ERROR, "the stage does not produce events", "VALIDATION_0102"),
  MIXED_INPUTS("E0509", Severity.ERROR, "a stage fed by both data and event lanes", "VALIDATION_0103"),
  DUPLICATE_LANE("E0510", Severity.ERROR, "two lanes between the same pair of stages", "VALIDATION_0039"),
  CYCLE("E0511", Severity.ERROR, "the connections form a cycle", "VALIDATION_0002"),
  NO_INPUT("E0512", Severity.ERROR, "a processor, destination or executor with no input", "VALIDATION_0014"),
  NO_ORIGIN("E0513", Severity.ERROR, "the flow has no origin", "VALIDATION_0003"),
  MULTIPLE_ORIGINS("E0514", Severity.ERROR, "the flow has more than one origin", "VALIDATION_0004"),
  MALFORMED_PREDICATE("E0515", Severity.ERROR, "a predicate that is not a ${...} expression", "SELECTOR_08"),
  DUPLICATE_CONNECTION("W0516", Severity.WARNING, "the same connection is written twice"),
  OUTPUT_NOT_CHOSEN("E0517", Severity.ERROR, "a stage with several outputs connected without choosing one"),
  SELF_CONNECTION("E0518", Severity.ERROR, "a stage connected to itself"),
  DEFAULT_PREDICATE_NAMED("E0520", Severity.ERROR, "`default` is the implicit last output and cannot be redefined", "SELECTOR_07"),

  // E06xx: the flow header
  UNKNOWN_SETTING("E0601", Severity.ERROR, "the pipeline has no setting of this name"),
  SETTING_WRONG_VALUE("E0602", Severity.ERROR, "a pipeline setting with a wrong value"),
  UNKNOWN_EXPRESSION_NAME("W0603", Severity.WARNING, "an expression names a parameter or constant the flow does not define"),
  UNUSED_PARAMETER("W0604", Severity.WARNING, "a parameter that nothing uses"),
  INVALID_FLOW_ID("E0605", Severity.ERROR, "a flow id with characters the platform rejects"),
  EMPTY_TITLE("E0606", Severity.ERROR, "the flow title is empty", "VALIDATION_0093"),
  DUPLICATE_FLOW_ID("E0607", Severity.ERROR, "two flow files declare the same flow id"),
  SETTINGS_CONFLICT("E0608", Severity.ERROR, "the pipeline's settings and its stages do not fit together"),
  VERBATIM_SETTINGS("W0609", Severity.WARNING, "pipeline settings sent verbatim, unchecked (`raw_settings`)"),

  // W07xx: legal but probably wrong
  DEV_STAGE("W0701", Severity.WARNING, "a development stage in a flow"),
  SELECTOR_ONLY_DEFAULT("W0702", Severity.WARNING, "a Stream Selector with only a default output"),

  // E08xx: the engine's own verdict, where no more specific code says it
  ENGINE_REFUSES("E0801", Severity.ERROR, "the engine refuses the pipeline"),

  // E10xx: fragments, their uses and their ports
  FRAGMENT_NOT_FOUND("E1001", Severity.ERROR, "the fragment file a stage uses cannot be read"),
  NOT_A_FRAGMENT("E1002", Severity.ERROR, "the file a stage uses is not a fragment file"),
  FRAGMENT_HAS_ERRORS("E1003", Severity.ERROR, "the fragment a stage uses has errors"),
  UNKNOWN_FRAGMENT_PARAMETER("E1004", Severity.ERROR, "a value for a parameter the fragment does not have"),
  PARAMETER_CLASH("E1005", Severity.ERROR, "two runtime parameters of the pipeline get the same name"),
  FRAGMENT_SHAPE("E1006", Severity.ERROR, "a fragment's input does not fit its stages"),
  DUPLICATE_FRAGMENT_OUTPUT("E1007", Severity.ERROR, "two outputs of a fragment stand for the same stage output"),
  INVALID_FRAGMENT_INSTANCE("E1008", Severity.ERROR, "a fragment instance id or parameter prefix the platform cannot use"),
  NESTED_FRAGMENT("E1009", Severity.ERROR, "a fragment that uses another fragment"),

  // E09xx: the tool itself
  INTERNAL_ERROR("E0900", Severity.ERROR, "the compiler failed on this input; please report it"),

  // E11xx: the project file (flow-project.yaml); its shape is checked with the E02xx codes
  PROJECT_FLOWS_MISSING("E1101", Severity.ERROR, "a flows folder of the project file does not exist"),
  UNKNOWN_DEFAULT_ENVIRONMENT("E1102", Severity.ERROR, "the default environment is not one of the project's environments"),
  ENVIRONMENT_INCOMPLETE("E1103", Severity.ERROR, "an environment lacks what its target needs"),
  SETTING_NOT_FOR_TARGET("W1104", Severity.WARNING, "an environment setting its target does not use"),
  UNKNOWN_PARAMETER_OVERRIDE("E1105", Severity.ERROR, "an environment sets a parameter no flow declares");

  private final String id;
  private final Severity severity;
  private final String summary;
  private final @Nullable String platformCode;

  Code(String id, Severity severity, String summary) {
    this(id, severity, summary, null);
  }

  Code(String id, Severity severity, String summary, @Nullable String platformCode) {
    this.id = id;
    this.severity = severity;
    this.summary = summary;
    this.platformCode = platformCode;
  }

  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public String summary() {
    return summary;
  }

  /** The platform's own error code for the same problem, so users can search both. */
  public Optional<String> platformCode() {
    return Optional.ofNullable(platformCode);
  }

  public static Optional<Code> byId(String id) {
    for (Code c : values()) {
      if (c.id.equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
