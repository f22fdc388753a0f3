package io.steadystate.strategy.params;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.serde.SlotParametersSerde;
import io.steadystate.strategy.Fixtures;
import org.junit.jupiter.api.Test;

class ParameterHotReloadTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ParameterTable table = new ParameterTable(Fixtures.defaultRows(), registry);
    private final ParameterUpdates updates = new ParameterUpdates(table);
    private final SlotParametersSerde serde = new SlotParametersSerde();

    private double count(String outcome) {
        return registry.get(ParameterTable.UPDATES)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    @Test
    void aNewRowOverwritesItsSlotAndNothingAccumulates() {
        SlotParameters first = new SlotParameters(43, true, 50, 10, 0, 20, 0.5, 1.0, 1);
        SlotParameters second = new SlotParameters(43, false, 60, 12, 0, 22, 0.6, 1.2, 2);

        assertThat(updates.accept("43", serde.encode(first), 0, 0)).isNull();
        assertThat(updates.accept("43", serde.encode(second), 0, 1)).isNull();

        assertThat(table.bySlotId(43)).isEqualTo(second);
        assertThat(table.all()).hasSize(21);
        assertThat(count("applied")).isEqualTo(2);
        assertThat(count("rejected")).isZero();
    }

    @Test
    void aRowBreakingItsStrategysRulesIsRejectedAndTheOldValueKept() {
        SlotParameters before = table.bySlotId(13);
        SlotParameters oversoldAt60 = new SlotParameters(13, true, 100, 14, 0, 60, 1, 2, 5);

        assertThat(updates.accept("13", serde.encode(oversoldAt60), 0, 0)).contains("S3 threshold");

        assertThat(table.bySlotId(13)).isEqualTo(before);
        assertThat(count("rejected")).isEqualTo(1);
        assertThat(count("applied")).isZero();
    }

    @Test
    void aFastEmaNotShorterThanTheSlowOneIsRejected() {
        assertThat(updates.accept("21", serde.encode(new SlotParameters(21, true, 100, 10, 10, 0.1, 1, 2, 1)), 0, 0))
                .contains("S1 needs");
        assertThat(count("rejected")).isEqualTo(1);
    }

    @Test
    void undecodableRowsAndKeysThatDoNotMatchTheSlotAreRejected() {
        SlotParameters before = table.bySlotId(22);
        assertThat(updates.accept("22", new byte[] {1, 2, 3, 4}, 0, 7)).contains("undecodable");
        assertThat(updates.accept("23", serde.encode(new SlotParameters(22, true, 100, 5, 0, 0.1, 1, 2, 1)), 0, 8))
                .contains("does not match");
        assertThat(table.bySlotId(22)).isEqualTo(before);
        assertThat(count("rejected")).isEqualTo(2);
    }

    @Test
    void aTombstoneLeavesTheSlotAsItIs() {
        SlotParameters before = table.bySlotId(11);
        assertThat(updates.accept("11", null, 0, 0)).isNull();
        assertThat(table.bySlotId(11)).isEqualTo(before);
        assertThat(count("applied") + count("rejected")).isZero();
    }

    @Test
    void aRowOlderThanTheSlotsVersionIsRefusedAndTheNewerRowKept() {
        SlotParameters v3 = new SlotParameters(43, true, 50, 10, 0, 20, 0.5, 1.0, 3);
        SlotParameters v2 = new SlotParameters(43, false, 60, 12, 0, 22, 0.6, 1.2, 2);

        assertThat(updates.accept("43", serde.encode(v3), 0, 0)).isNull();
        assertThat(updates.accept("43", serde.encode(v2), 0, 1)).contains("older than the slot's current version 3");

        assertThat(table.bySlotId(43)).isEqualTo(v3);
        assertThat(count("applied")).isEqualTo(1);
        assertThat(count("rejected")).isEqualTo(1);
    }

    @Test
    void theCurrentRowReadAgainChangesNothingButAConflictingRowOfTheSameVersionIsRefused() {
        SlotParameters v4 = new SlotParameters(43, true, 50, 10, 0, 20, 0.5, 1.0, 4);
        SlotParameters otherV4 = new SlotParameters(43, true, 70, 10, 0, 20, 0.5, 1.0, 4);
        assertThat(updates.accept("43", serde.encode(v4), 0, 0)).isNull();

        assertThat(updates.accept("43", serde.encode(v4), 0, 0)).isNull(); // a re-read of the compacted topic
        assertThat(table.problemWith(otherV4)).contains("conflicts");
        assertThat(updates.accept("43", serde.encode(otherV4), 0, 1)).contains("conflicts");

        assertThat(table.bySlotId(43)).isEqualTo(v4);
        assertThat(count("applied")).isEqualTo(1);
        assertThat(count("rejected")).isEqualTo(1);
    }

    @Test
    void aDefaultRowIsVersionZeroSoTheFirstPublishedRowApplies() {
        SlotParameters v0 = new SlotParameters(43, false, 60, 12, 0, 22, 0.6, 1.2, 0);
        assertThat(table.problemWith(v0)).contains("conflicts");
        assertThat(table.problemWith(new SlotParameters(43, false, 60, 12, 0, 22, 0.6, 1.2, 1)))
                .isNull();
    }

    @Test
    void everyRefusedRowIsDeadLetteredWithItsReasonAndAppliedOrReReadRowsAreNot() {
        java.util.List<String> dead = new java.util.ArrayList<>();
        ParameterUpdates withDlq = new ParameterUpdates(table, new RefusedRows() {
            @Override
            public void undecodable(
                    org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> row,
                    io.steadystate.core.serde.UndecodableRecordException e) {
                dead.add(row.offset() + ":" + e.reason());
            }

            @Override
            public void invalid(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> row, String reason) {
                dead.add(row.offset() + ":VALIDATION");
            }
        });
        SlotParameters v2 = new SlotParameters(43, true, 50, 10, 0, 20, 0.5, 1.0, 2);
        byte[] wrongVersion = serde.encode(v2);
        wrongVersion[2] = 9;
        java.util.List<byte[]> values = java.util.List.of(
                new byte[] {1, 2, 3, 4}, // 0 garbage
                java.util.Arrays.copyOf(serde.encode(v2), 10), // 1 truncated
                wrongVersion, // 2 unknown version
                serde.encode(v2), // 3 applied
                serde.encode(v2), // 4 re-read: no-op
                serde.encode(new SlotParameters(43, true, 50, 10, 0, 20, 0.5, 1.0, 1)), // 5 older version
                serde.encode(new SlotParameters(13, true, 100, 14, 0, 60, 1, 2, 5))); // 6 rules (key 43 ≠ 13)
        for (int i = 0; i < values.size(); i++) {
            withDlq.accept(new org.apache.kafka.clients.consumer.ConsumerRecord<>(
                    "strategy.params", 0, i, "43", values.get(i)));
        }
        withDlq.accept(new org.apache.kafka.clients.consumer.ConsumerRecord<>("strategy.params", 0, 7, "43", null));

        assertThat(dead)
                .containsExactly("0:BAD_MAGIC", "1:TRUNCATED", "2:UNKNOWN_VERSION", "5:VALIDATION", "6:VALIDATION");
        assertThat(table.bySlotId(43)).isEqualTo(v2);
    }
}
