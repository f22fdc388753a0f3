package io.steadystate.core.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Header {@value #HEADER}: the service that published a record, as UTF-8 (e.g. {@value #MARKET_DATA} on every
 * {@code market.events} record market-data-service sends). market-data resumes a restart from its own records
 * at the tail of {@code market.events} and trusts no other writer's (resume/TopicTail).
 *
 * <p>Why a header and not the producer's identity: a Kafka 4.3.1 consumer does not see the producer id of a
 * record batch ({@code ConsumerRecord} carries topic, partition, offset, timestamp, headers, key, value, leader
 * epoch and delivery count; {@code Admin.describeProducers} lists a partition's active producer ids but cannot
 * tie one to a record), and market-data's producer is idempotent, not transactional. A header is what a reader
 * can check. It is a declaration, not authentication: whoever may write the topic can forge it — the topic's ACL
 * (k8s: only market-data's user writes {@code market.events}) keeps strangers out; the header keeps apart the
 * writers that are let in anyway (the soak harness's poison producer, tools, a test), which never set it.
 */
public final class ProducerOrigin {

    public static final String HEADER = "steadystate.producer";
    public static final String MARKET_DATA = "market-data-service";

    private ProducerOrigin() {}

    /**
     * The one-header list a producer passes to every {@code ProducerRecord} it sends: built once per producer
     * (the {@link RecordHeader} is never mutated, so records may share it).
     */
    public static List<Header> of(String service) {
        return List.of(new RecordHeader(HEADER, service.getBytes(StandardCharsets.UTF_8)));
    }

    /** True when the last {@value #HEADER} header of {@code headers} names {@code service} exactly. */
    public static boolean isFrom(Headers headers, String service) {
        Header h = headers.lastHeader(HEADER);
        return h != null && h.value() != null && Arrays.equals(h.value(), service.getBytes(StandardCharsets.UTF_8));
    }
}
