package io.flowascode.compiler.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The UI's tab labels: exactly the engine's, committed beside the bundled catalog and regenerated with it. */
class ConfigGroupsTest {
  private static final Path FILE = Path.of(System.getProperty("basedir", ".")).resolve(ConfigGroupsGenerator.FILE);

  @Test
  void theCommittedLabelsAreWhatTheGeneratorMakes() throws Exception {
    String generated = ConfigGroupsGenerator.generate(SharedFiles.require());
    if (Boolean.getBoolean("flow.catalog.regenerate")) {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as("run this test with -Dflow.catalog.regenerate=true").isEqualTo(generated);
  }

  @Test
  void tabsAreTheEnginesLabelsElseTheGroupInWords() {
    ConfigGroups groups = ConfigGroups.bundled();
    assertThat(groups.label("com_streamsets_pipeline_stage_origin_spooldir_SpoolDirDSource", "POST_PROCESSING"))
        .isEqualTo("Post Processing");
    assertThat(groups.label("com_streamsets_pipeline_stage_devtest_rawdata_RawDataDSource", "RAW")).isEqualTo("Raw Data");
    assertThat(groups.label("no.such.Stage", "WEB_SOCKET_RESPONSE")).isEqualTo("Web Socket Response");
    assertThat(groups.label("no.such.Stage", "")).isEqualTo("General");
  }
}
