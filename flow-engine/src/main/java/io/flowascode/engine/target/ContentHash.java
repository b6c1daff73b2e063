package io.flowascode.engine.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * A revision for stores without a lock token: `sha256:` and the SHA-256 of the pipeline's
 * canonical JSON (object keys sorted at every level, no insignificant whitespace), so the same
 * content always gives the same revision whatever key order a server answers with.
 */
final class ContentHash {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ContentHash() {}

  static String of(JsonNode content) {
    try {
      byte[] canonical = JSON.writeValueAsBytes(canonical(content));
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String canonicalText(JsonNode content) {
    try {
      return new String(JSON.writeValueAsBytes(canonical(content)), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode canonical(JsonNode node) {
    if (node == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (node.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        sorted.put(name, canonical(node.get(name)));
      }
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      sorted.forEach(copy::set);
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(canonical(element)));
      return copy;
    }
    return node;
  }
}
