package io.flowascode.compiler.verify;

import static io.flowascode.compiler.verify.TestPipeline.DEV_RAW_DATA;
import static io.flowascode.compiler.verify.TestPipeline.SOURCE_LANE;
import static io.flowascode.compiler.verify.TestPipeline.TRASH;
import static io.flowascode.compiler.verify.TestPipeline.lanes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Stream Selector's predicates against its output lanes. */
class SelectorRulesTest {
  private static final String BIG = "${record:value('/expense') > 100}";
  private static final String SMALL = "${record:value('/expense') < 10}";

  /** Source → Selector_01 with predicates for lanes a, b and the default lane c → one Trash per lane. */
  private static TestPipeline selector(List<String> outputs, List<String> predicates) {
    TestPipeline p = TestPipeline.empty()
        .stage(DEV_RAW_DATA, "Source_01", lanes(), lanes(SOURCE_LANE))
        .selector("Selector_01", SOURCE_LANE, outputs, predicates);
    for (int i = 0; i < outputs.size(); i++) {
      p.stage(TRASH, "Trash_0" + (i + 1), lanes(outputs.get(i)), lanes());
    }
    return p;
  }

  private static ArrayNode predicates(TestPipeline p) {
    for (var c : p.stageJson("Selector_01").get("configuration")) {
      if (c.get("name").asText().equals("lanePredicates")) {
        return (ArrayNode) c.get("value");
      }
    }
    throw new IllegalStateException("no lanePredicates");
  }

  @Test
  void predicatesMatchingTheOutputLanesWithDefaultLastPass() {
    assertThat(selector(lanes("a", "b", "c"), lanes(BIG, SMALL, "default")).verify()).isEmpty();
  }

  @Test
  void noPredicatesAreSELECTOR_00() {
    TestPipeline p = selector(lanes("a"), lanes());

    assertThat(p.fatalCodes()).containsExactly("SELECTOR_00");
  }

  @Test
  void aSelectorWithoutThePredicatesConfigIsSELECTOR_00() {
    TestPipeline p = selector(lanes("a"), lanes("default"));
    p.stageJson("Selector_01").putArray("configuration");

    // Left out, the predicates take their definition's default, a map, which the engine cannot
    // create or check as a list; the selector itself then finds none when it starts.
    assertThat(p.fatalCodes()).containsExactly("CREATION_020", "VALIDATION_0009", "SELECTOR_00");
  }

  @Test
  void fewerPredicatesThanOutputLanesAreSELECTOR_01() {
    TestPipeline p = selector(lanes("a", "b", "c"), lanes(BIG, "default"));

    assertThat(p.fatalCodes()).containsExactly("SELECTOR_01");
    assertThat(p.fatal().get(0).message())
        .isEqualTo("Selector_01 has 2 predicates but 3 output lanes; they must match one to one");
  }

  @Test
  void aPredicateSendingToALaneTheSelectorDoesNotHaveIsSELECTOR_02() {
    TestPipeline p = selector(lanes("a", "b"), lanes(BIG, "default"));
    ((ObjectNode) predicates(p).get(0)).put("outputLane", "elsewhere");

    assertThat(p.fatalCodes()).containsExactly("SELECTOR_02");
    assertThat(p.fatal().get(0).message())
        .isEqualTo("Selector_01's predicate 1 sends records to `elsewhere`, which is not one of its output lanes");
  }

  @Test
  void aLastPredicateOtherThanDefaultIsSELECTOR_07() {
    TestPipeline p = selector(lanes("a", "b"), lanes(BIG, SMALL));

    assertThat(p.fatalCodes()).containsExactly("SELECTOR_07");
  }

  @Test
  void aPredicateNotWrittenAsAnExpressionIsSELECTOR_08AndIsNotQuoted() {
    TestPipeline p = selector(lanes("a", "b"), lanes("record:value('/expense') > 100", "default"));

    assertThat(p.fatalCodes()).containsExactly("SELECTOR_08");
    assertThat(p.fatal().get(0).message()).isEqualTo("Selector_01's predicate 1 is not written as ${...}");
  }

  @Test
  void predicatesInAnotherOrderThanTheLanesAreOnlyANote() {
    TestPipeline p = selector(lanes("a", "b", "c"), lanes(BIG, SMALL, "default"));
    ArrayNode list = predicates(p);
    ((ObjectNode) list.get(0)).put("outputLane", "b");
    ((ObjectNode) list.get(1)).put("outputLane", "a");

    assertThat(p.fatal()).isEmpty();
    assertThat(p.verify()).singleElement().satisfies(i -> {
      assertThat(i.platformCode()).isNull();
      assertThat(i.instanceName()).isEqualTo("Selector_01");
    });
  }

  @Test
  void twoPredicatesSendingToOneLaneLeaveAnotherLaneWithoutRecords() {
    TestPipeline p = selector(lanes("a", "b", "c"), lanes(BIG, SMALL, "default"));
    ((ObjectNode) predicates(p).get(1)).put("outputLane", "a");

    assertThat(p.fatalCodes()).containsExactly(TestPipeline.NO_CODE);
    assertThat(p.fatal().get(0).message()).isEqualTo("Selector_01 has output lanes no predicate sends records to: b");
  }

  @Test
  void aPredicateEntryThatIsNotAMapIsVALIDATION_0019() {
    TestPipeline p = selector(lanes("a", "b"), lanes(BIG, "default"));
    predicates(p).set(0, JsonNodeFactory.instance.textNode(BIG));

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0019");
  }

  @Test
  void aPredicateEntryWithoutItsConditionIsVALIDATION_0020() {
    TestPipeline p = selector(lanes("a", "b"), lanes(BIG, "default"));
    ((ObjectNode) predicates(p).get(0)).remove("predicate");

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0020");
  }

  @Test
  void aPredicateEntryWithAnEmptyLaneIsVALIDATION_0023() {
    TestPipeline p = selector(lanes("a", "b"), lanes(BIG, "default"));
    ((ObjectNode) predicates(p).get(0)).put("outputLane", "");

    assertThat(p.fatalCodes()).containsExactly("VALIDATION_0023");
  }
}
