package io.steadystate.k8s;

import io.steadystate.core.kafka.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service does on Kafka, read from the service itself rather than from a second list: its
 * {@code application.properties} (SmallRye channels: topic(s), group.id, where a service still has them), its
 * service-kit delivery loops ({@code new DeliverySettings(service, kafka, group, inputs, outputs, …)}: the group, the
 * input and output topics; a loop with outputs is transactional) and its main sources (the trading-core
 * {@link Topics} constants a class producing or consuming with a plain client names).
 *
 * @param reads         topics it consumes (channels, and plain consumers such as the order state recovery)
 * @param writes        topics it produces to (channels, plain producers, DLQ records)
 * @param referenced    every topic its code or config names (must all be covered by some ACL)
 * @param groups        literal consumer groups
 * @param groupPrefixes consumer groups with a per-process suffix ({@code strategy-service-params-${quarkus.uuid}})
 * @param transactional whether it sets a transactional.id
 */
record ServiceKafkaUsage(
        String service,
        Set<String> reads,
        Set<String> writes,
        Set<String> referenced,
        Set<String> groups,
        Set<String> groupPrefixes,
        boolean transactional) {

    private static final Pattern CHANNEL =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(topic|topics|group\\.id)");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("\\bTopics\\.([A-Z][A-Z_]*)\\b");

    /** {@code TopicTail.read(kafka, Topics.X, …)}: the topic is a parameter of the class that owns the consumer. */
    private static final Pattern TAIL_READ = Pattern.compile("TopicTail\\.read\\([^,]+,\\s*Topics\\.(\\w+)");

    static ServiceKafkaUsage of(String module) {
        Path dir = K8sDir.repo().resolve(module);
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<String> referenced = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        boolean[] transactional = {false};

        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"))) {
            props.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key).trim();
            if (key.endsWith("transactional.id")) {
                transactional[0] = true;
            }
            Matcher m = CHANNEL.matcher(key);
            if (!m.matches()) {
                continue;
            }
            boolean incoming = m.group(1).equals("incoming");
            if (m.group(3).equals("group.id")) {
                int placeholder = value.indexOf("${");
                (placeholder < 0 ? groups : prefixes).add(placeholder < 0 ? value : value.substring(0, placeholder));
            } else {
                for (String t : value.split(",")) {
                    (incoming ? reads : writes).add(t.trim());
                    referenced.add(t.trim());
                }
            }
        }

        Map<String, String> constants = topicConstants();
        try (Stream<Path> files = Files.walk(dir.resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Set<String> named = new TreeSet<>();
                Matcher m = TOPIC_CONSTANT.matcher(src);
                while (m.find()) {
                    if (constants.containsKey(m.group(1))) {
                        named.add(constants.get(m.group(1)));
                    }
                }
                referenced.addAll(named);
                if (src.contains("new KafkaConsumer")) {
                    reads.addAll(named);
                }
                // a plain reader handed its topic by the caller: market-data's resume reads its own topic's tail
                Matcher tail = TAIL_READ.matcher(src);
                while (tail.find()) {
                    if (constants.containsKey(tail.group(1))) {
                        reads.add(constants.get(tail.group(1)));
                    }
                }
                if (src.contains("ProducerRecord") || src.contains("createProducer(") || src.contains(".withTopic(")) {
                    writes.addAll(named);
                }
                if (src.contains("TRANSACTIONAL_ID_CONFIG") || src.contains("\"transactional.id\"")) {
                    transactional[0] = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeliveryLoops loops = DeliveryLoops.read(dir.resolve("src/main/java"), constants);
        reads.addAll(loops.inputs());
        // a transactional loop reads its outputs' producer states before it writes again (DescribeProducers: Read)
        reads.addAll(loops.outputs());
        writes.addAll(loops.outputs());
        referenced.addAll(loops.inputs());
        referenced.addAll(loops.outputs());
        groups.addAll(loops.groups());
        prefixes.addAll(loops.groupPrefixes());
        transactional[0] |= !loops.outputs().isEmpty();
        return new ServiceKafkaUsage(module, reads, writes, referenced, groups, prefixes, transactional[0]);
    }

    /** Constant name -> topic name, for every String constant of {@link Topics}. */
    static Map<String, String> topicConstants() {
        Map<String, String> out = new TreeMap<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    out.put(f.getName(), (String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    static Set<String> allTopics() {
        Set<String> out = new TreeSet<>();
        Topics.ALL.forEach(t -> out.add(t.name()));
        return out;
    }
}
