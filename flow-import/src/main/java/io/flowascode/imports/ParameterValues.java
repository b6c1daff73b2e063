package io.flowascode.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parameter values as people write them: the platform stores every parameter as text and the
 * compiler emits a parameter's text, so `LIMIT: 10000` is written unquoted when YAML reads it as a
 * number whose text is exactly the stored one, and quoted otherwise (`"007"`, `"1e3"`, `"on"`).
 */
final class ParameterValues {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ScalarResolver RESOLVER = new CoreSchema().getScalarResolver();

  private ParameterValues() {}

  static JsonNode written(String text) {
    Tag tag = RESOLVER.resolve(text, true);
    try {
      if (Tag.INT.equals(tag) && text.matches("-?(0|[1-9][0-9]*)")) {
        BigInteger n = new BigInteger(text);
        return n.bitLength() < 64 ? JSON.numberNode(n.longValue()) : JSON.numberNode(n);
      }
      if (Tag.FLOAT.equals(tag)) {
        JsonNode d = JSON.numberNode(Double.parseDouble(text));
        if (d.asText().equals(text)) {
          return d;
        }
      }
    } catch (NumberFormatException e) {
      return JSON.textNode(text);
    }
    if (Tag.BOOL.equals(tag) && (text.equals("true") || text.equals("false"))) {
      return JSON.booleanNode(Boolean.parseBoolean(text));
    }
    return JSON.textNode(text);
  }
}
