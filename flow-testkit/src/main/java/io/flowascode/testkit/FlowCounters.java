package io.flowascode.testkit;

/** How many times a test server read and changed one flow (requests it actually processed). */
public record FlowCounters(int reads, int writes) {
  public static final FlowCounters NONE = new FlowCounters(0, 0);

  FlowCounters read() {
    return new FlowCounters(reads + 1, writes);
  }

  FlowCounters wrote() {
    return new FlowCounters(reads, writes + 1);
  }
}
