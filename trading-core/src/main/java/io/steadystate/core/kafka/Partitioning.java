package io.steadystate.core.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** The partition of a symbol, identical to what Kafka's default partitioner picks for that key. */
public final class Partitioning {

    private Partitioning() {}

    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
