package io.flowascode.compiler.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Derives the readable attribute name of a config from its label exactly as the IBM and StreamSets
 * Python SDKs do, so `stop_after_first_batch` means the same here as in their code.
 */
public final class AttributeNames {
  private static final Pattern SPACES_DASHES = Pattern.compile("[\\s-]+");
  private static final Pattern PARENS = Pattern.compile("_\\((.+)\\)");
  private static final Pattern CAMEL_1 = Pattern.compile("([A-Z]+)([A-Z][a-z])");
  private static final Pattern CAMEL_2 = Pattern.compile("([a-z\\d])([A-Z])");

  /**
   * Names already derived, by label (or by field name for configs without one). Every compile
   * asks for the names of every config of every definition it binds, the derivation runs five
   * regular expressions, and the catalog's labels are a few thousand: remember them, up to a
   * bound that only a runaway caller would reach.
   */
  private static final int MEMO_LIMIT = 100_000;
  private static final Map<String, String> BY_LABEL = new ConcurrentHashMap<>();
  private static final Map<String, String> BY_FIELD_NAME = new ConcurrentHashMap<>();

  private AttributeNames() {}

  public static String of(ConfigDefinition config) {
    return fromLabel(config.label(), config.name());
  }

  /** The SDK rule: lower-case, runs of spaces/dashes to `_`, `&` to `and`, `/sec`, `(x)` to `in_x`. */
  public static String fromLabel(String label, String fieldName) {
    boolean byLabel = label != null && !label.isBlank();
    Map<String, String> memo = byLabel ? BY_LABEL : BY_FIELD_NAME;
    String key = byLabel ? label : fieldName;
    String known = memo.get(key);
    if (known != null) {
      return known;
    }
    String derived = derive(label, fieldName);
    if (memo.size() < MEMO_LIMIT) {
      memo.put(key, derived);
    }
    return derived;
  }

  private static String derive(String label, String fieldName) {
    if (label == null || label.isBlank()) {
      return underscore(lastSegment(fieldName));
    }
    String s = label.toLowerCase(Locale.ROOT);
    s = SPACES_DASHES.matcher(s).replaceAll("_");
    s = s.replace("&", "and");
    s = s.replace("/sec", "_per_sec");
    s = PARENS.matcher(s).replaceAll("_in_$1");
    return s;
  }

  private static String lastSegment(String name) {
    int i = name.lastIndexOf('.');
    return i < 0 ? name : name.substring(i + 1);
  }

  /** Python inflection.underscore: `fieldName` to `field_name`. */
  public static String underscore(String word) {
    String s = CAMEL_1.matcher(word).replaceAll("$1_$2");
    s = CAMEL_2.matcher(s).replaceAll("$1_$2");
    return s.replace('-', '_').toLowerCase(Locale.ROOT);
  }
}
