package org.miri.pixeldb.api.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/** Makes every float in JSON responses go through {@link FloatText}: exact float32 text, NaN as null. */
@Singleton
public class FloatJsonModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("float32");
        JsonSerializer<Float> single = new JsonSerializer<>() {
            @Override
            public void serialize(Float value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                write(gen, value);
            }
        };
        module.addSerializer(Float.class, single);
        module.addSerializer(Float.TYPE, single);
        module.addSerializer(float[].class, new JsonSerializer<>() {
            @Override
            public void serialize(float[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeStartArray();
                for (float value : values) {
                    write(gen, value);
                }
                gen.writeEndArray();
            }
        });
        mapper.registerModule(module);
    }

    public static void write(JsonGenerator gen, float value) throws IOException {
        if (Float.isNaN(value)) {
            gen.writeNull();
        } else if (Float.isInfinite(value)) {
            gen.writeString(value > 0 ? "Infinity" : "-Infinity");
        } else {
            gen.writeNumber(FloatText.json(value));
        }
    }
}
