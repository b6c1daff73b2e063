package io.flowascode.compiler.diagnostics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowascode.compiler.CompilerOptions;
import io.flowascode.compiler.FlowCompiler;
import io.flowascode.compiler.catalog.BundledCatalog;
import io.flowascode.compiler.schema.FlowSchemaValidator;
import io.flowascode.diagnostic.testing.ExpectationChecker;
import io.flowascode.diagnostic.testing.ExpectationFile;
import io.flowascode.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * A schema rule without a tailored message still becomes a diagnostic at the right place, with the
 * generic code E0205. The bundled schema has no such rule left, so this test adds one: the schema
 * can grow before the compiler learns to word each new rule.
 */
class SchemaFallbackTest {
  @Test
  void aRuleWithoutATailoredMessageIsReportedGenerically() throws IOException {
    ObjectNode schema;
    try (InputStream in = FlowSchemaValidator.class.getResourceAsStream(FlowSchemaValidator.RESOURCE)) {
      schema = (ObjectNode) new ObjectMapper().readTree(in);
    }
    ((ObjectNode) schema.at("/$defs/flow/properties/id")).put("maxLength", 12);
    FlowCompiler compiler = new FlowCompiler(BundledCatalog.load(), CompilerOptions.DEFAULT, new FlowSchemaValidator(schema));
    SourceFile file = new SourceFile("long-id.flow.yaml", """
        flow:
          # error[E0205]: `flow.id`: must be at most 12 characters long
          id: expense-router-europe
        stages:
          files: {label: Directory, config: {data_format: JSON, files_directory: /data/in, file_name_pattern: '*.json'}}
          trash: {label: Trash}
        connections:
          - files >> trash
        """);

    ExpectationChecker.verify(ExpectationFile.parse(file), compiler.compile(file).diagnostics());
  }
}
