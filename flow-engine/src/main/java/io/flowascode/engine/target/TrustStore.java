package io.flowascode.engine.target;

import java.nio.file.Path;

/**
 * Certificates to trust instead of the JVM's default ones, for a server with a private or
 * self-signed certificate. Host names are still verified.
 *
 * @param type a `KeyStore` type, `PKCS12` or `JKS`
 */
public record TrustStore(Path path, Secret password, String type) {
  @Override
  public String toString() {
    return "TrustStore[path=" + path + ", password=" + password + ", type=" + type + "]";
  }
}
