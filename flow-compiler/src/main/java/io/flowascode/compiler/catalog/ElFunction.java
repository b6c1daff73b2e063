package io.flowascode.compiler.catalog;

import java.util.List;

/** An expression-language function of the platform: `str:trim(String)` returns String. */
public record ElFunction(String name, String returnType, List<String> argumentTypes, String description) {
  public ElFunction {
    argumentTypes = List.copyOf(argumentTypes);
    description = description == null ? "" : description;
  }
}
