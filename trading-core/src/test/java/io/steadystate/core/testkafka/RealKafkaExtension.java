package io.steadystate.core.testkafka;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: {@code @ExtendWith(RealKafkaExtension.class)} and take a {@link RealKafka} parameter (in a
 * constructor, {@code @BeforeAll} or a test). One broker per test class with the system's topics created,
 * closed after the class.
 */
public final class RealKafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RealKafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RealKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext
                .getStore(NS)
                .getOrComputeIfAbsent("broker", k -> new Holder(RealKafka.startWithTopics(3)), Holder.class)
                .kafka;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Closed by JUnit when the class's store is closed. */
    private record Holder(RealKafka kafka) implements AutoCloseable {
        @Override
        public void close() {
            kafka.close();
        }
    }
}
