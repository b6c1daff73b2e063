package io.flowascode.engine.target;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Builds the HTTP client of a target from its options: every timeout set, TLS verified against the
 * JVM's trusted certificates or a given trust store (there is no trust-all mode), host names
 * checked, and no redirects followed (a redirect would carry the credentials elsewhere).
 */
final class HttpClientFactory {
  private HttpClientFactory() {}

  static OkHttpClient create(HttpOptions options) throws TargetFailureException {
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .writeTimeout(options.writeTimeout())
        .callTimeout(options.callTimeout())
        .followRedirects(false)
        .followSslRedirects(false);
    if (options.trustStore().isPresent()) {
      TrustStore store = options.trustStore().get();
      X509TrustManager trustManager = trustManager(store);
      try {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trustManager}, null);
        builder.sslSocketFactory(tls.getSocketFactory(), trustManager);
      } catch (GeneralSecurityException e) {
        throw new TargetFailureException("cannot set up TLS with the trust store " + store.path() + ": " + e.getMessage(), e);
      }
    }
    return builder.build();
  }

  private static X509TrustManager trustManager(TrustStore store) throws TargetFailureException {
    try (InputStream in = Files.newInputStream(store.path())) {
      KeyStore keyStore = KeyStore.getInstance(store.type());
      keyStore.load(in, store.password().reveal().toCharArray());
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(keyStore);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new TargetFailureException("the trust store " + store.path() + " yields no X.509 trust manager", null);
    } catch (IOException | GeneralSecurityException e) {
      throw new TargetFailureException(
          "cannot read the trust store " + store.path() + " (type " + store.type() + "): " + e.getMessage(), e);
    }
  }
}
