package io.flowascode.compiler.emit;

import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes pipeline JSON the same way on every machine: two-space indent, `\n` line ends. */
public final class PipelineJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER;

  static {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    WRITER = MAPPER.writer(printer);
  }

  private PipelineJson() {}

  public static String write(JsonNode node) {
    // What writeValueAsString does, with the final newline written into the same buffer: adding
    // it to the returned string copied the whole document again (20 MB for 10,000 stages).
    SegmentedStringWriter out = new SegmentedStringWriter(new BufferRecycler());
    try {
      WRITER.writeValue(out, node);
      out.write('\n');
      return out.getAndClear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
