package io.flowascode.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the pipelines to import from a file: a pipeline JSON or export envelope, or a zip of them
 * (what the platform's multi-pipeline export gives). Messages say where a file is broken, never
 * what it holds.
 */
public final class PipelineFiles {
  /** One document to import and the name to report it under (`file`, or `file!entry` in a zip). */
  public record Document(String source, JsonNode json) {}

  /** A file that cannot be read as pipelines; the message is safe to print. */
  public static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableException(String message) {
      super(message, null, false, false);
    }
  }

  // Bounds that keep a hostile zip from costing unbounded memory.
  private static final long MAX_DOCUMENT_BYTES = 64L << 20;
  private static final int MAX_ENTRIES = 10_000;
  private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private PipelineFiles() {}

  /** The documents of a file, or none with why added to `problems` (a missing or unreadable file). */
  public static List<Document> readOrReport(Path file, List<String> problems) {
    if (!Files.exists(file)) {
      problems.add("no such file: " + file);
      return List.of();
    }
    try {
      return read(file);
    } catch (UnreadableException e) {
      problems.add(e.getMessage());
      return List.of();
    }
  }

  public static List<Document> read(Path file) throws UnreadableException {
    String name = file.toString();
    try {
      if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
        return zip(file);
      }
      if (Files.size(file) > MAX_DOCUMENT_BYTES) {
        throw new UnreadableException(name + ": larger than " + (MAX_DOCUMENT_BYTES >> 20) + " MiB");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return List.of(new Document(name, parse(in.readAllBytes(), name)));
      }
    } catch (NoSuchFileException e) {
      throw new UnreadableException(name + ": no such file");
    } catch (IOException e) {
      throw new UnreadableException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static List<Document> zip(Path file) throws IOException, UnreadableException {
    List<Document> documents = new ArrayList<>();
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw new UnreadableException(file + ": more than " + MAX_ENTRIES + " entries");
        }
        String entry = e.getName();
        String base = entry.substring(entry.lastIndexOf('/') + 1);
        // The StreamSets Platform adds the connections its pipelines use, by id, which are not pipelines.
        if (e.isDirectory() || !base.toLowerCase(Locale.ROOT).endsWith(".json") || base.startsWith(".")
            || entry.startsWith("__MACOSX/") || base.equals("connections_metadata.json")) {
          continue;
        }
        String source = file + "!" + entry;
        documents.add(new Document(source, parse(bounded(zip, source), source)));
      }
    }
    if (documents.isEmpty()) {
      throw new UnreadableException(file + ": the zip holds no .json files");
    }
    return documents;
  }

  private static byte[] bounded(InputStream in, String source) throws IOException, UnreadableException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[65536];
    long total = 0;
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      total += n;
      if (total > MAX_DOCUMENT_BYTES) {
        throw new UnreadableException(source + ": larger than " + (MAX_DOCUMENT_BYTES >> 20) + " MiB");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static JsonNode parse(byte[] bytes, String source) throws UnreadableException {
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null || !root.isObject()) {
        throw new UnreadableException(source + ": not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      // Jackson quotes the offending text, which may be a credential: say where only.
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new UnreadableException(source + ": not valid JSON" + where);
    } catch (IOException e) {
      throw new UnreadableException(source + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
