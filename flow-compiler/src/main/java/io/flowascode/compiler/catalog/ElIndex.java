package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code elCatalog} of a definitions document, by the index strings configs refer to it with
 * ({@code elFunctionDefinitionsIdx}, {@code elConstantDefinitionsIdx}). Scopes are shared: the
 * same list of indexes gives the same {@link ElScope} object, so a catalog of thousands of
 * configs holds a few dozen scopes.
 */
final class ElIndex {
  private final Map<String, ElFunction> functions;
  private final Map<String, ElConstant> constants;
  private final Map<List<String>, ElScope> scopes = new HashMap<>();

  private ElIndex(Map<String, ElFunction> functions, Map<String, ElConstant> constants) {
    this.functions = functions;
    this.constants = constants;
  }

  static ElIndex of(JsonNode elCatalog) {
    Map<String, ElFunction> functions = new LinkedHashMap<>();
    Map<String, ElConstant> constants = new LinkedHashMap<>();
    if (elCatalog != null && elCatalog.isObject()) {
      elCatalog.path("elFunctionDefinitions").properties().forEach(e -> {
        JsonNode f = e.getValue();
        List<String> args = new ArrayList<>();
        f.path("elFunctionArgumentDefinition").forEach(a -> args.add(JsonFields.text(a, "type")));
        functions.put(e.getKey(), new ElFunction(JsonFields.text(f, "name"), JsonFields.text(f, "returnType"), args,
            JsonFields.text(f, "description")));
      });
      elCatalog.path("elConstantDefinitions").properties().forEach(e -> {
        JsonNode c = e.getValue();
        constants.put(e.getKey(), new ElConstant(JsonFields.text(c, "name"), JsonFields.text(c, "returnType"),
            JsonFields.text(c, "description")));
      });
    }
    return new ElIndex(functions, constants);
  }

  /** The functions and constants a config lists by index; unknown indexes are skipped. */
  ElScope scope(JsonNode config) {
    List<String> f = indexes(config.get("elFunctionDefinitionsIdx"));
    List<String> c = indexes(config.get("elConstantDefinitionsIdx"));
    if (f.isEmpty() && c.isEmpty()) {
      return ElScope.UNKNOWN;
    }
    List<String> key = new ArrayList<>(f);
    key.add("|");
    key.addAll(c);
    return scopes.computeIfAbsent(key, k -> {
      TreeSet<String> fn = new TreeSet<>();
      f.forEach(i -> { ElFunction x = functions.get(i); if (x != null) { fn.add(x.name()); } });
      TreeSet<String> cn = new TreeSet<>();
      c.forEach(i -> { ElConstant x = constants.get(i); if (x != null) { cn.add(x.name()); } });
      return new ElScope(List.copyOf(fn), List.copyOf(cn));
    });
  }

  /** Every function and constant by name (the first definition of a name wins). */
  ElCatalog catalog() {
    Map<String, ElFunction> f = new LinkedHashMap<>();
    functions.values().forEach(x -> f.putIfAbsent(x.name(), x));
    Map<String, ElConstant> c = new LinkedHashMap<>();
    constants.values().forEach(x -> c.putIfAbsent(x.name(), x));
    return new ElCatalog(f, c);
  }

  private static List<String> indexes(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(v -> out.add(v.asText()));
    }
    return out;
  }
}
