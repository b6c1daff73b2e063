package io.flowascode.compiler.catalog;

/** An expression-language constant of the platform (`SECONDS`, `MB`, `STRING`). */
public record ElConstant(String name, String returnType, String description) {
  public ElConstant {
    description = description == null ? "" : description;
  }
}
