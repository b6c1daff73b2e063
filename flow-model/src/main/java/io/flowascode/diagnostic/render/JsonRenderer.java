package io.flowascode.diagnostic.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.EngineCode;
import io.flowascode.diagnostic.Fix;
import io.flowascode.diagnostic.TextEdit;
import io.flowascode.diagnostic.Related;
import io.flowascode.source.Position;
import io.flowascode.source.Span;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows diagnostics to a program ({@code --format json}): every diagnostic, none capped, in the
 * shape documented in {@code docs/diagnostics-format.md}. Keys keep one order and lines end in
 * {@code \n} on every platform, so the same diagnostics always give the same bytes.
 */
public final class JsonRenderer implements DiagnosticRenderer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  @Override
  public String render(List<Diagnostic> diagnostics, SourceLookup sources) {
    try {
      return WRITER.writeValueAsString(toJson(diagnostics)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of plain values always serializes
    }
  }

  /**
   * The same document as a tree, `diagnostics`, `errors` and `warnings`, for a program's output
   * that holds more than diagnostics (the command line's one JSON document per run).
   */
  public static ObjectNode toJson(List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostic.ORDER);
    ObjectNode root = JSON.objectNode();
    ArrayNode list = root.putArray("diagnostics");
    for (Diagnostic d : sorted) {
      ObjectNode o = list.addObject();
      o.put("code", d.code().id());
      o.put("severity", d.severity().word());
      place(o, d.span());
      o.put("message", d.message());
      o.put("label", d.label());
      o.put("help", d.help().orElse(null));
      ArrayNode notes = o.putArray("notes");
      d.notes().forEach(notes::add);
      ArrayNode related = o.putArray("related");
      for (Related r : d.related()) {
        ObjectNode ro = related.addObject();
        place(ro, r.span());
        ro.put("message", r.message());
      }
      o.put("platformCode", d.engineCodes().isEmpty() ? null : d.engineCodes().get(0).code());
      ArrayNode engine = o.putArray("engineCodes");
      for (EngineCode e : d.engineCodes()) {
        ObjectNode eo = engine.addObject();
        eo.put("code", e.code());
        if (!e.config().isEmpty()) {
          eo.put("config", e.config());
        }
      }
      ArrayNode fixes = o.putArray("fixes");
      for (Fix f : d.fixes()) {
        ObjectNode fo = fixes.addObject();
        fo.put("description", f.description());
        fo.put("safe", f.safe());
        ArrayNode edits = fo.putArray("edits");
        for (TextEdit e : f.edits()) {
          ObjectNode eo = edits.addObject();
          place(eo, e.span());
          eo.put("startOffset", e.span().start().offset());
          eo.put("endOffset", e.span().end().offset());
          eo.put("replacement", e.replacement());
        }
      }
    }
    Tally tally = Tally.of(sorted);
    root.put("errors", tally.errors());
    root.put("warnings", tally.warnings());
    return root;
  }

  /** The file, and start and end as line and column; null positions for the file as a whole. */
  private static void place(ObjectNode o, Span span) {
    o.put("file", span.file());
    if (WholeFile.is(span)) {
      o.putNull("start");
      o.putNull("end");
    } else {
      o.set("start", position(span.start()));
      o.set("end", position(span.end()));
    }
  }

  private static ObjectNode position(Position p) {
    ObjectNode o = JSON.objectNode();
    o.put("line", p.line());
    o.put("column", p.column());
    return o;
  }
}
