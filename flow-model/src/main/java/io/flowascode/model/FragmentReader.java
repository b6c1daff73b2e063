package io.flowascode.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.source.Span;
import io.flowascode.yaml.SourceMap;
import io.flowascode.yaml.SourceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of a file that are about fragments: whether the file is a fragment (its header
 * is `fragment:` instead of `flow:`), the fragment's `input` and `outputs`, and the stages of a
 * flow that use a fragment (`fragment: path`). Like {@link FlowReader}, it takes what is readable
 * and leaves shape errors to the schema.
 */
public final class FragmentReader {
  /** The header key of a fragment file. */
  public static final String HEADER = "fragment";

  private static final Pattern PORT = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)(?:\\[([^\\]]+)])?");

  private FragmentReader() {}

  /** A fragment file has a `fragment:` section and no `flow:` section. */
  public static boolean isFragmentFile(SourceTree tree) {
    JsonNode root = tree.root();
    return root.isObject() && root.has(HEADER) && !root.has("flow");
  }

  /** The stages that use a fragment, by stage id, in file order. */
  public static Map<String, FragmentUseDecl> uses(SourceTree tree) {
    Map<String, FragmentUseDecl> uses = new LinkedHashMap<>();
    SourceMap map = tree.map();
    JsonNode stages = tree.root().path("stages");
    if (!stages.isObject()) {
      return uses;
    }
    stages.properties().forEach(e -> {
      JsonNode node = e.getValue();
      String pointer = SourceMap.child("/stages", e.getKey());
      Optional<Located<String>> path = text(map, node, pointer, HEADER);
      if (path.isEmpty()) {
        return;
      }
      List<ParameterDecl> parameters = new ArrayList<>();
      JsonNode params = node.path("parameters");
      if (params.isObject()) {
        params.properties().forEach(p -> {
          String at = SourceMap.child(pointer + "/parameters", p.getKey());
          parameters.add(new ParameterDecl(new Located<>(p.getKey(), map.keySpan(at)), p.getValue(), map.valueSpan(at)));
        });
      }
      uses.put(e.getKey(), new FragmentUseDecl(
          new Located<>(e.getKey(), map.keySpan(pointer)),
          path.get(),
          parameters,
          text(map, node, pointer, "instance_id"),
          text(map, node, pointer, "parameter_prefix"),
          text(map, node, pointer, "description"),
          map.keySpan(pointer)));
    });
    return uses;
  }

  /** The input and outputs a fragment file declares. */
  public static FragmentPorts ports(SourceTree tree) {
    SourceMap map = tree.map();
    JsonNode root = tree.root();
    Optional<Located<String>> input = text(map, root, "", "input");
    List<FragmentOutputDecl> outputs = new ArrayList<>();
    JsonNode node = root.path("outputs");
    if (node.isObject()) {
      node.properties().forEach(e -> {
        String pointer = SourceMap.child("/outputs", e.getKey());
        if (!e.getValue().isTextual()) {
          return; // the schema reported it
        }
        port(tree, e.getValue().asText(), map.valueSpan(pointer)).ifPresent(p -> outputs.add(
            new FragmentOutputDecl(new Located<>(e.getKey(), map.keySpan(pointer)), p, map.keySpan(pointer).to(map.valueSpan(pointer)))));
      });
    }
    return new FragmentPorts(input, outputs);
  }

  /** `route[big]` as a port reference, with spans into the value when it is written as it reads. */
  private static Optional<PortRef> port(SourceTree tree, String text, Span valueSpan) {
    Matcher m = PORT.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    String source = tree.file().text();
    int start = valueSpan.start().offset();
    int end = Math.min(valueSpan.end().offset(), source.length());
    String raw = start <= end ? source.substring(start, end) : "";
    int base = raw.indexOf(text.trim());
    boolean exact = base >= 0 && (raw.equals(text) || raw.length() == text.length() + 2);
    Span stageSpan = exact ? tree.file().span(start + base + m.start(1), start + base + m.end(1)) : valueSpan;
    Optional<Located<String>> port = Optional.empty();
    if (m.group(2) != null) {
      Span portSpan = exact ? tree.file().span(start + base + m.start(2), start + base + m.end(2)) : valueSpan;
      port = Optional.of(new Located<>(m.group(2).trim(), portSpan));
    }
    return Optional.of(new PortRef(new Located<>(m.group(1), stageSpan), port, valueSpan));
  }

  private static Optional<Located<String>> text(SourceMap map, JsonNode node, String pointer, String field) {
    JsonNode v = node.path(field);
    if (!v.isTextual()) {
      return Optional.empty();
    }
    return Optional.of(new Located<>(v.asText(), map.valueSpan(SourceMap.child(pointer, field))));
  }
}
