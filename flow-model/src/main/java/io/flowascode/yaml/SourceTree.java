package io.flowascode.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowascode.source.SourceFile;

/** A YAML document as a JSON tree, with the file it came from and where each node sits in it. */
public record SourceTree(SourceFile file, JsonNode root, SourceMap map) {}
