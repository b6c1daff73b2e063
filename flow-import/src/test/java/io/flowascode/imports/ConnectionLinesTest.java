package io.flowascode.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowascode.imports.ConnectionLines.Port;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How lanes become connection lines, on topologies the compiler would not produce itself. */
class ConnectionLinesTest {
  @Test
  void chainsStartAtTheFirstStageThatIsNotInTheMiddleOfOne() {
    // c comes first in the pipeline but sits in the middle of a >> c >> b.
    List<String> lines = ConnectionLines.data(List.of("c", "a", "b"), List.of(
        List.of(new Port("", List.of(2))),
        List.of(new Port("", List.of(0))),
        List.of()));
    assertThat(lines).containsExactly("a >> c >> b");
  }

  @Test
  void stagesThatOnlyFeedEachOtherInACycleAreStillAllWritten() {
    List<String> lines = ConnectionLines.data(List.of("a", "b"), List.of(
        List.of(new Port("", List.of(1))),
        List.of(new Port("", List.of(0)))));
    assertThat(lines).containsExactlyInAnyOrder("a >> b", "b >> a");
  }

  @Test
  void aNamedOutputStartsALineButNeverSitsInTheMiddleOfOne() {
    List<String> lines = ConnectionLines.data(List.of("src", "route", "x", "t"), List.of(
        List.of(new Port("", List.of(1))),
        List.of(new Port("big", List.of(2)), new Port("default", List.of())),
        List.of(new Port("", List.of(3))),
        List.of()));
    assertThat(lines).containsExactly("src >> route", "route[big] >> x >> t");
  }

  @Test
  void eventLanesFanOutButDoNotChain() {
    assertThat(ConnectionLines.events(List.of("a", "b", "c"), List.of(List.of(1, 2), List.of(), List.of())))
        .containsExactly("a >> [b, c]");
  }
}
