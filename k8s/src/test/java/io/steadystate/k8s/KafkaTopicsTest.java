package io.steadystate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.kafka.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both Kafka paths create exactly the topics of trading-core's Topics.ALL, compacted where it says so. */
class KafkaTopicsTest {

    static List<String> strimziProblems(List<Map<String, Object>> docs) {
        List<String> p = new ArrayList<>();
        List<Map<String, Object>> topics =
                docs.stream().filter(d -> "KafkaTopic".equals(d.get("kind"))).toList();
        for (Topics.TopicSpec spec : Topics.ALL) {
            var t = topics.stream()
                    .filter(d -> spec.name().equals(Yaml.str(d, "spec", "topicName")))
                    .findFirst();
            if (t.isEmpty()) {
                p.add("no KafkaTopic for " + spec.name());
                continue;
            }
            boolean compact = "compact".equals(Yaml.str(t.get(), "spec", "config", "cleanup.policy"));
            if (compact != spec.compacted()) {
                p.add(spec.name() + ": compacted should be " + spec.compacted());
            }
        }
        if (topics.size() != Topics.ALL.size()) {
            p.add(topics.size() + " KafkaTopics for " + Topics.ALL.size() + " topics");
        }
        return p;
    }

    static List<String> scriptProblems(String script) {
        List<String> p = new ArrayList<>();
        for (Topics.TopicSpec spec : Topics.ALL) {
            var line = script.lines()
                    .filter(l -> l.contains("--topic " + spec.name() + " "))
                    .findFirst();
            if (line.isEmpty()) {
                p.add("topics Job does not create " + spec.name());
            } else if (line.get().contains("cleanup.policy=compact") != spec.compacted()) {
                p.add(spec.name() + ": compacted should be " + spec.compacted());
            }
        }
        return p;
    }

    private static String jobScript() {
        var job = Yaml.documents(K8sDir.resolve("components/kafka-kraft/topics-job.yaml"))
                .get(0);
        return Yaml.str(job, "spec", "template", "spec", "containers", 0, "args", 0);
    }

    @Test
    void strimziTopicsMatchTopicsAll() {
        assertThat(strimziProblems(Yaml.documents(K8sDir.resolve("components/kafka-strimzi/topics.yaml"))))
                .isEmpty();
    }

    @Test
    void kraftTopicsJobMatchesTopicsAll() {
        assertThat(scriptProblems(jobScript())).isEmpty();
    }

    @Test
    void aMissingOrUncompactedTopicIsReported() {
        List<Map<String, Object>> docs =
                Yaml.deepCopy(Yaml.documents(K8sDir.resolve("components/kafka-strimzi/topics.yaml")));
        docs.removeIf(d -> "order.dlq".equals(Yaml.str(d, "spec", "topicName")));
        docs.stream()
                .filter(d -> "order.open-orders".equals(Yaml.str(d, "spec", "topicName")))
                .forEach(d -> Yaml.map(d, "spec", "config").put("cleanup.policy", "delete"));
        assertThat(strimziProblems(docs))
                .contains("no KafkaTopic for order.dlq", "order.open-orders: compacted should be true");
        assertThat(scriptProblems(jobScript()
                        .replace(
                                "--topic strategy.params --config cleanup.policy=compact", "--topic strategy.params ")))
                .contains("strategy.params: compacted should be true");
    }
}
