package io.flowascode.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowascode.testkit.DataCollectorServer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS is verified: a self-signed engine is refused unless its certificate is in a given trust store. */
class TlsTest {
  private static final String STORE_PASSWORD = "trust-store-pass";
  private static final HttpOptions FAST = HttpOptions.defaults()
      .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10))
      .withRetry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));

  @TempDir Path dir;
  private HeldCertificate certificate;
  private DataCollectorServer server;

  @BeforeEach
  void startHttpsServer() {
    certificate = new HeldCertificate.Builder().commonName("127.0.0.1").addSubjectAlternativeName("127.0.0.1").build();
    HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    server = DataCollectorServer.builder(Platform.definitions())
        .user("admin", "pw", "admin")
        .tls(serverCertificates.sslContext())
        .start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Path trustStore() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("engine", certificate.certificate());
    Path file = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, STORE_PASSWORD.toCharArray());
    }
    return file;
  }

  private DataCollectorTarget target(HttpOptions options) throws TargetException {
    return new DataCollectorTarget(server.url(), Optional.of(new BasicCredentials("admin", Secret.of("pw"))), options);
  }

  @Test
  void a_certificate_the_jvm_does_not_trust_is_refused_without_retrying() throws Exception {
    assertThat(server.url()).startsWith("https://");
    try (DataCollectorTarget target = target(FAST)) {
      assertThatThrownBy(target::list)
          .isInstanceOf(TargetFailureException.class)
          .hasMessageContaining("could not be reached while listing flows")
          .hasMessageContaining("SSLHandshakeException");
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void a_trust_store_holding_the_certificate_lets_the_target_in() throws Exception {
    HttpOptions trusting = FAST.withTrustStore(new TrustStore(trustStore(), Secret.of(STORE_PASSWORD), "PKCS12"));
    try (DataCollectorTarget target = target(trusting)) {
      assertThat(target.list()).isEmpty();
    }
  }

  @Test
  void an_unreadable_trust_store_is_reported_without_its_password() throws Exception {
    HttpOptions wrong = FAST.withTrustStore(new TrustStore(trustStore(), Secret.of("not-" + STORE_PASSWORD), "PKCS12"));
    assertThatThrownBy(() -> target(wrong))
        .isInstanceOf(TargetFailureException.class)
        .hasMessageContaining("cannot read the trust store")
        .hasMessageNotContaining(STORE_PASSWORD);
  }
}
