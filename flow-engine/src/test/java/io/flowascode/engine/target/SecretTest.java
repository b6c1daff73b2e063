package io.flowascode.engine.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SecretTest {
  @Test
  void printing_a_secret_or_what_holds_one_shows_a_mask() {
    Secret secret = Secret.of("hunter2-secret");
    assertThat(secret.toString()).isEqualTo("****");
    assertThat(secret.reveal()).isEqualTo("hunter2-secret");
    assertThat(new BasicCredentials("admin", secret).toString())
        .isEqualTo("BasicCredentials[username=admin, password=****]");
    assertThat(new TrustStore(Path.of("t.p12"), secret, "PKCS12").toString()).doesNotContain("hunter2");
    assertThat(WatsonxSettings.of("https://api", "p", secret).toString()).doesNotContain("hunter2");
  }

  @Test
  void redaction_masks_the_secret_and_the_basic_header_built_from_it() {
    BasicCredentials credentials = new BasicCredentials("admin", Secret.of("hunter2-secret"));
    String header = credentials.header();
    String text = "echo: hunter2-secret and " + header.substring("Basic ".length());
    assertThat(credentials.redactFrom(text)).isEqualTo("echo: **** and ****");
  }
}
