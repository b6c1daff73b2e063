package io.flowascode.engine.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.testkit.DataCollectorServer;
import io.flowascode.testkit.WatsonxServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Drives both remote targets through their failures and gathers every text they produce:
 * exception messages with their causes and stack traces, descriptions, settings, and the request
 * logs the test servers keep. None may contain a password, an API key or an encoded header.
 */
class CredentialHygieneTest {
  private static final String PASSWORD = "Sdc-Pa55word-7f3a";
  private static final String API_KEY = "Ibm-ApiKey-91c2e7d4";
  private static final String PROJECT = "hygiene-project";
  private static final HttpOptions FAST = HttpOptions.defaults()
      .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(10))
      .withRetry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)));

  private final List<String> texts = new ArrayList<>();

  private interface Step {
    void run() throws Exception;
  }

  private void capture(Step step) {
    try {
      step.run();
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      texts.add(t.toString());
      texts.add(trace.toString());
    }
  }

  @Test
  void no_credential_appears_in_any_message_description_or_log() throws Exception {
    try (DataCollectorServer sdc = DataCollectorServer.builder(Platform.definitions())
        .user("admin", PASSWORD, "admin").user("guest", PASSWORD + "-guest", "guest").start()) {
      BasicCredentials admin = new BasicCredentials("admin", Secret.of(PASSWORD));
      try (DataCollectorTarget target = new DataCollectorTarget(sdc.url(), Optional.of(admin), FAST);
          DataCollectorTarget wrong = new DataCollectorTarget(
              sdc.url(), Optional.of(new BasicCredentials("admin", Secret.of(PASSWORD + "x"))), FAST);
          DataCollectorTarget guest = new DataCollectorTarget(
              sdc.url(), Optional.of(new BasicCredentials("guest", Secret.of(PASSWORD + "-guest"))), FAST)) {
        RemoteFlow created = target.create("orders", "Orders", "");
        texts.add(created.toString());
        capture(() -> wrong.read("orders"));
        capture(() -> guest.delete("orders"));
        sdc.faults().failNext(1, 500);
        capture(() -> target.list());
        capture(() -> target.save("orders", Platform.compiledPipeline("x"), "stale"));
        sdc.markRunning("orders", true);
        capture(() -> target.save("orders", Platform.compiledPipeline("x"), created.revision()));
        sdc.markRunning("orders", false);
        sdc.faults().delayNextMatching(1, Duration.ofMillis(800), (method, path) -> method.equals("POST"));
        capture(() -> target.save("orders", Platform.compiledPipeline("x"), created.revision()));
        capture(() -> new DataCollectorTarget("http://admin:" + PASSWORD + "@127.0.0.1:1", Optional.empty(), FAST));
        texts.add(target.describe());
        texts.add(target.toString());
        texts.add(admin.toString());
        texts.add(FAST.toString());
        Thread.sleep(900);
        texts.add(sdc.requests().toString());
      }
      try (DataCollectorTarget nowhere = new DataCollectorTarget("http://127.0.0.1:1", Optional.of(admin), FAST)) {
        capture(nowhere::list);
      }
    }

    try (WatsonxServer ibm = WatsonxServer.builder().apiKey(API_KEY, "IBMid-1").project(PROJECT).engineVersion("6.3.0", true).start()) {
      WatsonxSettings settings = WatsonxSettings.of(ibm.url(), PROJECT, Secret.of(API_KEY)).withIamUrl(ibm.url())
          .withHttp(FAST);
      try (WatsonxTarget target = new WatsonxTarget(settings);
          WatsonxTarget wrongKey = new WatsonxTarget(
              WatsonxSettings.of(ibm.url(), PROJECT, Secret.of(API_KEY + "x")).withIamUrl(ibm.url()).withHttp(FAST));
          WatsonxTarget elsewhere = new WatsonxTarget(
              WatsonxSettings.of(ibm.url(), "other", Secret.of(API_KEY)).withIamUrl(ibm.url()).withHttp(FAST))) {
        RemoteFlow created = target.create("orders", "Orders", "");
        texts.add(created.toString());
        capture(wrongKey::list);
        capture(elsewhere::list);
        capture(() -> target.save("orders", Platform.compiledPipeline("x"), "sha256:stale"));
        ibm.faults().failNext(1, 500, "GET", "/sset/");
        capture(() -> target.read("orders"));
        ibm.expireTokens();
        texts.add(String.valueOf(target.read("orders")));
        texts.add(target.describe());
        texts.add(settings.toString());
        texts.add(ibm.requests().toString());
      }
    }

    try (WatsonxServer onPrem = WatsonxServer.builder().project(PROJECT).engineVersion("6.3.0", true)
        .zenApiKey("ann", "Zen-" + API_KEY).cp4dUser("bob", PASSWORD, API_KEY).start()) {
      for (WatsonxAuth wrong : List.of(new WatsonxAuth.ZenApiKey("ann", Secret.of(API_KEY)),
          new WatsonxAuth.Cp4d(onPrem.url(), "bob", Optional.of(Secret.of(PASSWORD + "x")), Optional.empty()),
          new WatsonxAuth.Cp4d(onPrem.url(), "bob", Optional.empty(), Optional.of(Secret.of(API_KEY + "x"))),
          new WatsonxAuth.Bearer(Secret.of(API_KEY)))) {
        try (WatsonxTarget target = new WatsonxTarget(WatsonxSettings.of(onPrem.url(), PROJECT, wrong).withHttp(FAST))) {
          capture(target::list);
          texts.add(wrong.toString());
          texts.add(WatsonxSettings.of(onPrem.url(), PROJECT, wrong).toString());
        }
      }
      texts.add(onPrem.requests().toString());
    }

    String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertThat(texts).hasSizeGreaterThan(20);
    assertThat(texts).allSatisfy(text -> assertThat(text)
        .doesNotContain(PASSWORD)
        .doesNotContain(API_KEY)
        .doesNotContain(basic)
        .doesNotContain("Bearer token-"));
  }
}
