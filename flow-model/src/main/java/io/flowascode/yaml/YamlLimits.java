package io.flowascode.yaml;

/** Bounds that keep hostile input from costing unbounded time or memory. */
public record YamlLimits(
    long maxFileBytes, int maxScalarChars, int maxDepth, int maxAliases, int maxNodes) {

  /** Large enough for a 10,000-stage flow, small enough to fail a billion-laughs file at once. */
  public static final YamlLimits DEFAULT = new YamlLimits(32L << 20, 1 << 20, 64, 50, 2_000_000);
}
