package io.flowascode.compiler.catalog;

/** The platform's config types (ConfigDef.Type). */
public enum ConfigType {
  BOOLEAN,
  NUMBER,
  STRING,
  LIST,
  MAP,
  MODEL,
  CHARACTER,
  TEXT,
  CREDENTIAL,
  RUNTIME;

  public static ConfigType parse(String s) {
    try {
      return valueOf(s);
    } catch (IllegalArgumentException | NullPointerException e) {
      return STRING;
    }
  }
}
