package io.steadystate.soak.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.steadystate.soak.stack.RunFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code bench.json} in the run directory: NaN becomes {@code null} so the file is strict JSON. */
public final class BenchFiles {

    public static final String JSON = "bench.json";

    private BenchFiles() {}

    public static ObjectMapper mapper() {
        SimpleModule nan = new SimpleModule()
                .addSerializer(Double.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                        if (v == null || v.isNaN() || v.isInfinite()) {
                            g.writeNull();
                        } else {
                            g.writeNumber(v);
                        }
                    }
                })
                .addSerializer(double.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                        if (v.isNaN() || v.isInfinite()) {
                            g.writeNull();
                        } else {
                            g.writeNumber(v);
                        }
                    }
                });
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(nan)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public static void write(Path runDir, BenchResult result) {
        try {
            Files.createDirectories(runDir);
            mapper().writeValue(runDir.resolve(JSON).toFile(), result);
        } catch (IOException e) {
            throw new RunFailure("could not write " + runDir.resolve(JSON) + ": " + e.getMessage(), e);
        }
    }

    public static BenchResult read(Path runDir) throws IOException {
        return mapper().readValue(runDir.resolve(JSON).toFile(), BenchResult.class);
    }
}
