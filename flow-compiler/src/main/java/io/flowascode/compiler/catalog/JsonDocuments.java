package io.flowascode.compiler.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;

/** Parses a definitions document into a JSON tree, turning Jackson's failures into plain messages. */
final class JsonDocuments {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private JsonDocuments() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The document as a tree; its root must be an object. */
  static JsonNode parse(InputStream in) throws DefinitionsException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the offending text, which may be a credential: say where only.
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new DefinitionsException("the file is not valid JSON" + where, e);
    } catch (IOException e) {
      throw new DefinitionsException("the file cannot be read: " + e.getClass().getSimpleName(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new DefinitionsException("the file is empty");
    }
    if (!root.isObject()) {
      throw new DefinitionsException("the file is not a JSON object");
    }
    return root;
  }
}
