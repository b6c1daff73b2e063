package io.flowascode.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000));

  @Test
  void the_delay_doubles_with_each_retry_up_to_the_cap() {
    assertThat(policy.delayBefore(1, () -> 0.999999)).isEqualTo(Duration.ofMillis(99));
    assertThat(policy.delayBefore(2, () -> 0.999999)).isEqualTo(Duration.ofMillis(199));
    assertThat(policy.delayBefore(3, () -> 0.999999)).isEqualTo(Duration.ofMillis(399));
    assertThat(policy.delayBefore(5, () -> 0.999999)).isEqualTo(Duration.ofMillis(999));
    assertThat(policy.delayBefore(30, () -> 0.999999)).isEqualTo(Duration.ofMillis(999));
  }

  @Test
  void jitter_keeps_at_least_half_of_the_delay() {
    assertThat(policy.delayBefore(1, () -> 0.0)).isEqualTo(Duration.ofMillis(50));
    assertThat(policy.delayBefore(3, () -> 0.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.delayBefore(3, () -> 0.5)).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void at_least_one_attempt() {
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
