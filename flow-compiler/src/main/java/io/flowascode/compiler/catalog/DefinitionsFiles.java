package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the file given with {@code --definitions}, whichever of the formats we know it is in: our
 * {@link CatalogFormat}, the platform's {@code /rest/v1/definitions} answer (full or
 * {@code ?schemaVersion=2}), or a pipeline export envelope that carries {@code libraryDefinitions}.
 */
public final class DefinitionsFiles {
  private DefinitionsFiles() {}

  public static Catalog read(Path file) throws DefinitionsException {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = JsonDocuments.parse(in);
    } catch (NoSuchFileException e) {
      throw new DefinitionsException("the file does not exist", e);
    } catch (IOException e) {
      throw new DefinitionsException("the file cannot be read: " + e.getClass().getSimpleName(), e);
    }
    return read(root);
  }

  /** Reads an already parsed document, telling the formats apart by their top-level keys. */
  public static Catalog read(JsonNode root) throws DefinitionsException {
    if (CatalogFormat.isCatalogFormat(root)) {
      return CatalogFormat.read(root);
    }
    if (PlatformDefinitionsReader.isEnvelope(root)) {
      return PlatformDefinitionsReader.readEnvelope(root);
    }
    if (PlatformDefinitionsReader.isDefinitions(root)) {
      return PlatformDefinitionsReader.read(root);
    }
    throw new DefinitionsException("the file is neither a " + CatalogFormat.FORMAT
        + " catalog, nor the platform's /rest/v1/definitions answer, nor a pipeline export with libraryDefinitions");
  }
}
