package io.flowascode.compiler.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every expression-language function and constant the definitions publish, by name. Several
 * platform classes publish a function of the same name (each stage library has its own copy of
 * `str:trim`); they share one entry here, the first one read.
 */
public final class ElCatalog {
  public static final ElCatalog EMPTY = new ElCatalog(Map.of(), Map.of());

  private final Map<String, ElFunction> functions;
  private final Map<String, ElConstant> constants;

  public ElCatalog(Map<String, ElFunction> functions, Map<String, ElConstant> constants) {
    this.functions = Map.copyOf(functions);
    this.constants = Map.copyOf(constants);
  }

  public Optional<ElFunction> function(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  public Optional<ElConstant> constant(String name) {
    return Optional.ofNullable(constants.get(name));
  }

  /** Functions in name order. */
  public Collection<ElFunction> functions() {
    return new TreeMap<>(functions).values();
  }

  /** Constants in name order. */
  public Collection<ElConstant> constants() {
    return new TreeMap<>(constants).values();
  }

  public boolean isEmpty() {
    return functions.isEmpty() && constants.isEmpty();
  }

  /** This catalog with the other's entries added (the other's win on the same name). */
  public ElCatalog merge(ElCatalog other) {
    Map<String, ElFunction> f = new LinkedHashMap<>(functions);
    f.putAll(other.functions);
    Map<String, ElConstant> c = new LinkedHashMap<>(constants);
    c.putAll(other.constants);
    return new ElCatalog(f, c);
  }
}
