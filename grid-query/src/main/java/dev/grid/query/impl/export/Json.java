package dev.grid.query.impl.export;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.Temporal;

/** The one Jackson mapper of exports: values that are neither primitives, strings nor byte[], and manifests. */
final class Json {
    /**
     * Fields of any visibility are properties (Serializable classes often have no getters); a class with none is
     * {@code {}}; java.time values are their ISO text.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("grid-export")
                    .addSerializer(Temporal.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new StdDeserializer<>(Instant.class) {
                        private static final long serialVersionUID = 1L;

                        @Override
                        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                            return Instant.parse(parser.getValueAsString());
                        }
                    }))
            .build();

    private Json() {
    }
}
