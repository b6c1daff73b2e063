package io.flowascode.compiler.fragment;

import java.util.Locale;

/**
 * What a use of a fragment gets when it pins nothing, so that the importer writes a pin exactly
 * where the compiler would choose otherwise.
 */
public final class FragmentDefaults {
  private FragmentDefaults() {}

  /** The instance id of a use: its stage id as a name (`read-orders` gives `read_orders`). */
  public static String instanceId(String useId) {
    return useId.replaceAll("[^0-9A-Za-z_]", "_");
  }

  /** The prefix of a use's parameters: `CLEAN_` for a use `clean`. */
  public static String prefix(String useId) {
    return useId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_") + "_";
  }

  /** The placeholder's instance name: `<instance id>_FragmentProcessor_1`. */
  public static String placeholderName(String instanceId, FragmentKind kind) {
    return instanceId + "_" + kind.placeholderName();
  }
}
