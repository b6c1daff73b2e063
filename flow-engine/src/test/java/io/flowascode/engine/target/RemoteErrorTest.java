package io.flowascode.engine.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RemoteErrorTest {
  @Test
  void reads_a_data_collector_remote_exception() throws Exception {
    Platform.read("platform/rest-samples/04_create_pipeline.body.json");
    String transcript = Files.readString(
        Path.of(System.getProperty("flow.shared.dir"), "platform", "rest-samples", "07_update_stale_uuid.txt"));
    String body = transcript.substring(transcript.indexOf("\r\n\r\n") + 4);

    RemoteError error = RemoteError.parse(body).orElseThrow();

    assertThat(error.code()).isEqualTo("CONTAINER_0205");
    assertThat(error.message()).startsWith("CONTAINER_0205 - The pipeline 'MyTestPid26d5962");
    assertThat(error.describe()).isEqualTo(error.message());
  }

  @Test
  void reads_ibm_cloud_and_iam_errors() {
    assertThat(RemoteError.parse("{\"trace\":\"t\",\"errors\":[{\"code\":\"not_found\",\"message\":\"Gone.\"}]}"))
        .contains(new RemoteError("not_found", "Gone."));
    assertThat(RemoteError.parse("{\"errorCode\":\"BXNIM0415E\",\"errorMessage\":\"Provided API key could not be found.\"}")
        .orElseThrow().describe()).isEqualTo("BXNIM0415E: Provided API key could not be found.");
  }

  @Test
  void anything_else_is_no_error_body() {
    assertThat(RemoteError.parse("")).isEmpty();
    assertThat(RemoteError.parse("<html>404</html>")).isEmpty();
    assertThat(RemoteError.parse("[1,2]")).isEmpty();
    assertThat(RemoteError.parse("{\"pipelineId\":\"x\"}")).isEmpty();
  }
}
