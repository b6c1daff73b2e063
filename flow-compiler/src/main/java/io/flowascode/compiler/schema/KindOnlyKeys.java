package io.flowascode.compiler.schema;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import io.flowascode.yaml.SourceMap;

/**
 * Keys that one kind of file or stage has and the other does not: `input` and `outputs` belong to
 * fragment files, `flow` to flow files; `parameters`, `instance_id` and `parameter_prefix` to a
 * stage that uses a fragment, `label`, `config` and the rest to a stage of the catalog. The schema
 * forbids each in the wrong place with a `false` subschema; this says which place it belongs to.
 */
final class KindOnlyKeys {
  private KindOnlyKeys() {}

  static void report(SourceMap map, String pointer, Diagnostics out) {
    String key = FlowSchemaValidator.context(pointer).replace("`", "");
    String[] parts = pointer.substring(1).split("/");
    String name = parts[parts.length - 1].replace("~1", "/").replace("~0", "~");
    Diagnostic.Builder b;
    if (parts.length == 1 && (name.equals("input") || name.equals("outputs"))) {
      b = Diagnostic.of(Code.UNKNOWN_PROPERTY, map.keySpan(pointer), "`" + name + "` belongs to fragment files, not to flows")
          .label("only in a fragment file")
          .help("a flow connects its stages under `connections:`; to declare a reusable piece with an input and outputs,"
              + " start the file with `fragment:` instead of `flow:`");
    } else if (parts.length == 1 && name.equals("flow")) {
      b = Diagnostic.of(Code.UNKNOWN_PROPERTY, map.keySpan(pointer), "a fragment file has a `fragment:` section, not `flow:`")
          .label("not in a fragment file")
          .help("keep `fragment:` (id, title, description, parameters) and remove `flow:`; settings and special stages"
              + " belong to the flows that use the fragment");
    } else if (parts.length == 3 && parts[0].equals("stages")) {
      String stage = parts[1].replace("~1", "/").replace("~0", "~");
      boolean useKey = name.equals("parameters") || name.equals("instance_id") || name.equals("parameter_prefix");
      b = useKey
          ? Diagnostic.of(Code.UNKNOWN_PROPERTY, map.keySpan(pointer),
                  "`" + name + "` is only for a stage that uses a fragment")
              .label("stage `" + stage + "` has no `fragment:`")
              .help(name.equals("parameters")
                  ? "configure a stage under `config:`; the flow's own parameters go under `flow: parameters:`"
                  : "write `fragment: <file>` to use a fragment here, or remove `" + name + "`")
          : Diagnostic.of(Code.UNKNOWN_PROPERTY, map.keySpan(pointer),
                  "`" + name + "` is not a key of a stage that uses a fragment")
              .label("stage `" + stage + "` uses a fragment")
              .help("a fragment's stages are configured in the fragment file; set its parameters under `parameters:`");
    } else {
      b = Diagnostic.of(Code.UNKNOWN_PROPERTY, map.keySpan(pointer), key + " is not allowed here").label("not allowed");
    }
    out.add(b.build());
  }

  /** An instance id or parameter prefix with characters the platform does not allow in names. */
  static void invalidInstance(SourceMap map, String pointer, String value, Diagnostics out) {
    boolean prefix = pointer.endsWith("/parameter_prefix");
    String fixed = value.replaceAll("[^A-Za-z0-9_]", "_");
    out.add(Diagnostic.of(Code.INVALID_FRAGMENT_INSTANCE, map.valueSpan(pointer),
            "`" + value + "` is not a valid " + (prefix ? "parameter prefix" : "fragment instance id"))
        .label("only letters, digits and `_`")
        .help((prefix
            ? "the prefix begins the names of the fragment's parameters in the pipeline"
            : "the instance id begins the names of the fragment's stages and lanes in the pipeline")
            + (fixed.isEmpty() || fixed.equals(value) ? "" : "; try `" + fixed + "`"))
        .build());
  }
}
