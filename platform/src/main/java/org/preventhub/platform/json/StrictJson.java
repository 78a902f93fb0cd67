package org.preventhub.platform.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read as sent or refused, never silently altered: a fractional number for a whole-number field
 * ({@code capacity: 1.5}) is a 400, not 1; and text with a NUL character or a lone UTF-16 surrogate (half of a
 * character, which no encoding can store: PostgreSQL refuses the one, Kafka and the database turn the other into
 * {@code ?}) is a 400 naming the field, not a 500 or a changed value.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** What a refused text's violation says. */
    public static final String BAD_TEXT = "contains a NUL character or half of a character (a lone UTF-16 surrogate)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(new SimpleModule("prevent-hub-strict-text").addDeserializer(String.class, new Text()));
    }

    /** @return whether the text can be stored and published as it is */
    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Jackson's own string reading, then the check; the refusal carries the field's path like any type error. */
    static final class Text extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && !isStorable(value)) {
                throw new BadTextException(parser);
            }
            return value;
        }
    }

    /** A text that cannot be stored as sent; the value is not kept in the exception (never echoed or logged). */
    public static final class BadTextException extends InvalidFormatException {

        BadTextException(JsonParser parser) {
            super(parser, "text " + BAD_TEXT, null, String.class);
        }
    }
}
