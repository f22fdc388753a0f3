package io.steadystate.core.testkafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * Quarkus: {@code @QuarkusTestResource(RealKafkaResource.class)} (or {@code @WithTestResource}) starts a real
 * broker with the system's topics and points {@code kafka.bootstrap.servers} at it. A test field annotated
 * {@link InjectRealKafka} of type {@link RealKafka} receives it.
 */
public final class RealKafkaResource implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectRealKafka {}

    private RealKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = RealKafka.startWithTopics(3);
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                kafka, new TestInjector.AnnotatedAndMatchesType(InjectRealKafka.class, RealKafka.class));
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
