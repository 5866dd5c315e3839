package dev.quintet.platform.web;

import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers.DoubleDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers.FloatDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses, while reading, what Jackson itself accepts: strings and keys with NUL or lone surrogates (see
 * {@link SafeText}), and numbers that are not finite ({@code 1e400} overflows a double to Infinity;
 * {@code "NaN"} is read as NaN even with coercion off). Failures are {@link DatabindException}s, so Jackson
 * adds the path ({@code citizens[3].name}) on the way out and the problem names the field.
 */
final class StrictJsonModule extends SimpleModule {

    StrictJsonModule() {
        super("quintet-strict-json");
        addDeserializer(String.class, new Strings());
        addKeyDeserializer(String.class, new Keys());
        addDeserializer(Double.class, new Doubles(Double.class, null));
        addDeserializer(Double.TYPE, new Doubles(Double.TYPE, 0.0));
        addDeserializer(Float.class, new Floats(Float.class, null));
        addDeserializer(Float.TYPE, new Floats(Float.TYPE, 0.0f));
        addDeserializer(JsonNode.class, new Trees());
    }

    private static DatabindException refused(DeserializationContext ctxt, String problem) {
        return DatabindException.from(ctxt, problem);
    }

    private static final class Strings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String text = super.deserialize(p, ctxt);
            Optional<String> problem = text == null ? Optional.empty() : SafeText.problem(text);
            if (problem.isPresent()) {
                throw refused(ctxt, problem.get());
            }
            return text;
        }
    }

    private static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws JacksonException {
            Optional<String> problem = SafeText.problem(key);
            if (problem.isPresent()) {
                throw refused(ctxt, "key " + problem.get());
            }
            return key;
        }
    }

    private static final class Doubles extends DoubleDeserializer {

        Doubles(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            Double value = super.deserialize(p, ctxt);
            if (value != null && !Double.isFinite(value)) {
                throw refused(ctxt, "must be a finite number");
            }
            return value;
        }
    }

    private static final class Floats extends FloatDeserializer {

        Floats(Class<Float> type, Float nullValue) {
            super(type, nullValue);
        }

        @Override
        public Float deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            Float value = super.deserialize(p, ctxt);
            if (value != null && !Float.isFinite(value)) {
                throw refused(ctxt, "must be a finite number");
            }
            return value;
        }
    }

    /** Bodies read as trees (a citizens PATCH) get the same checks, walked after reading. */
    private static final class Trees extends JsonNodeDeserializer {

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            JsonNode tree = super.deserialize(p, ctxt);
            check(tree, ctxt);
            return tree;
        }

        private static void check(JsonNode node, DeserializationContext ctxt) {
            if (node.isString()) {
                Optional<String> problem = SafeText.problem(node.stringValue());
                if (problem.isPresent()) {
                    throw refused(ctxt, problem.get());
                }
            } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
                throw refused(ctxt, "must be a finite number");
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    Optional<String> problem = SafeText.problem(property.getKey());
                    if (problem.isPresent()) {
                        throw refused(ctxt, "key " + problem.get());
                    }
                    try {
                        check(property.getValue(), ctxt);
                    } catch (JacksonException e) {
                        throw e.prependPath(node, property.getKey());
                    }
                }
            } else if (node.isArray()) {
                int index = 0;
                for (JsonNode element : node.values()) {
                    try {
                        check(element, ctxt);
                    } catch (JacksonException e) {
                        throw e.prependPath(node, index);
                    }
                    index++;
                }
            }
        }
    }
}
