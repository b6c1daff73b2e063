package io.flowascode.source;

import io.flowascode.diagnostic.Code;
import io.flowascode.diagnostic.Diagnostic;
import io.flowascode.diagnostic.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a file as strict UTF-8 text, refusing what is too large, binary or wrongly encoded. */
public final class SourceLoader {
  private final long maxBytes;

  public SourceLoader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public Optional<SourceFile> load(Path path, String displayName, Diagnostics out) {
    Span fileSpan = Span.ofFile(displayName);
    byte[] bytes;
    try {
      if (Files.isDirectory(path)) {
        out.report(Code.FILE_UNREADABLE, fileSpan, "`" + displayName + "` is a directory, not a flow file", "", null);
        return Optional.empty();
      }
      long size = Files.size(path);
      if (size > maxBytes) {
        out.report(Code.TOO_LARGE, fileSpan,
            "the file is " + size + " bytes, larger than the limit of " + maxBytes + " bytes", "",
            "split the flow, or check that this is the file you meant");
        return Optional.empty();
      }
      try (InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes((int) maxBytes + 1);
      }
      if (bytes.length > maxBytes) {
        out.report(Code.TOO_LARGE, fileSpan, "the file is larger than the limit of " + maxBytes + " bytes", "", null);
        return Optional.empty();
      }
    } catch (NoSuchFileException e) {
      out.report(Code.FILE_UNREADABLE, fileSpan, "no such file: " + displayName, "", null);
      return Optional.empty();
    } catch (IOException e) {
      out.report(Code.FILE_UNREADABLE, fileSpan, "cannot read " + displayName + ": " + e.getMessage(), "", null);
      return Optional.empty();
    }
    return decode(bytes, displayName, out);
  }

  /** Decodes bytes already in memory (e.g. a zip member or a test's input). */
  public Optional<SourceFile> decode(byte[] bytes, String displayName, Diagnostics out) {
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
      out.add(Diagnostic.of(Code.BYTE_ORDER_MARK, Span.ofFile(displayName), "the file starts with a UTF-8 byte-order mark")
          .help("save the file as UTF-8 without a BOM; some tools show it as stray characters")
          .build());
    } else if (bytes.length >= 2 && (((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)
        || ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE))) {
      out.report(Code.NOT_UTF8, Span.ofFile(displayName), "the file is UTF-16 text; flow files must be UTF-8", "",
          "save the file as UTF-8");
      return Optional.empty();
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    String text;
    try {
      // Checked through a small window, then decoded once: decoding into a buffer of the file's
      // size and copying it into a String would hold three copies of a large file at once.
      checkUtf8(decoder, buffer);
      text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      int bad = buffer.position();
      String before = new String(bytes, start, Math.max(0, bad - start), StandardCharsets.UTF_8);
      SourceFile partial = new SourceFile(displayName, before);
      Span where = partial.span(before.length(), before.length());
      out.report(Code.NOT_UTF8, where,
          String.format("the byte 0x%02X is not valid UTF-8", bytes[Math.min(bad, bytes.length - 1)] & 0xFF),
          "invalid byte", "save the file as UTF-8; is this a binary file?");
      return Optional.empty();
    } catch (CharacterCodingException e) {
      out.report(Code.NOT_UTF8, Span.ofFile(displayName), "the file is not valid UTF-8", "", "save the file as UTF-8");
      return Optional.empty();
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      SourceFile file = new SourceFile(displayName, text);
      out.report(Code.NOT_UTF8, file.span(nul, nul + 1), "the file contains a NUL byte; it looks like a binary file",
          "NUL byte", "flow files are UTF-8 text");
      return Optional.empty();
    }
    return Optional.of(new SourceFile(displayName, text));
  }

  /** Throws on the first byte sequence that is not UTF-8, leaving the buffer's position there. */
  private static void checkUtf8(CharsetDecoder decoder, ByteBuffer buffer) throws CharacterCodingException {
    CharBuffer window = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(buffer, window, true);
      if (result.isError()) {
        result.throwException();
      }
      window.clear();
      if (result.isUnderflow()) {
        result = decoder.flush(window);
        if (result.isError()) {
          result.throwException();
        }
        buffer.rewind();
        return;
      }
    }
  }
}
