package io.flowascode.yaml;

/**
 * Bounds that keep hostile input from costing unbounded time or memory. Every bound is checked
 * while the file is read, event by event, so a file over any of them ends in one positioned
 * diagnostic before the document is built (any file ends that way within a 256 MB heap).
 *
 * @param maxNodes values in the whole document, aliases expanded (keys count as values)
 * @param maxKeysPerMapping keys in any one mapping, the stages of a flow included
 */
public record YamlLimits(
    long maxFileBytes, int maxScalarChars, int maxDepth, int maxAliases, int maxNodes, int maxKeysPerMapping) {

  /**
   * Large enough for a 10,000-stage flow (about 25 values a stage), small enough to fail a
   * billion-laughs file at once and to read the largest file allowed within a 256 MB heap: a
   * document costs about 400 bytes a value while it is read, so 300,000 values and a 32 MB file
   * stay under 200 MB.
   */
  public static final YamlLimits DEFAULT = new YamlLimits(32L << 20, 1 << 20, 64, 50, 300_000, 10_000);

  /** Bounds without a limit on keys per mapping beyond the node count. */
  public YamlLimits(long maxFileBytes, int maxScalarChars, int maxDepth, int maxAliases, int maxNodes) {
    this(maxFileBytes, maxScalarChars, maxDepth, maxAliases, maxNodes, maxNodes);
  }
}
