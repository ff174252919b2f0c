package io.reserva.api;

import io.reserva.shared.SupportedDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as they are written: a string is not a number, a number is not a string or a boolean,
 * a key given twice and text with the NUL character are refused rather than silently keeping the last value. Jackson coerces all of these by
 * default; the documented contract is {@code 422 validation_failed} naming the field. Configured on the
 * application's one {@code JsonMapper}, so every way in that binds JSON (bodies, PATCH, assistant tool
 * arguments) follows the same rules.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder.addModule(new SimpleModule("reserva-text")
                        .addDeserializer(String.class, new Text())
                        .setDeserializerModifier(new SupportedYears()))
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /**
     * Dates and instants as Jackson reads them, within the years the server supports ({@link SupportedDates}): a
     * far date such as {@code +999999-01-01T00:00:00Z} parses in Java but PostgreSQL cannot store it, so it is
     * refused here, naming the field, instead of failing in the database without saying which value was at fault.
     */
    static final class SupportedYears extends ValueDeserializerModifier {

        private static final Set<Class<?>> DATES = Set.of(Instant.class, OffsetDateTime.class, LocalDate.class);

        @Override
        public ValueDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            return DATES.contains(description.getBeanClass()) ? new InSupportedYears(deserializer) : deserializer;
        }
    }

    static final class InSupportedYears extends DelegatingDeserializer {

        InSupportedYears(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new InSupportedYears(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            if (value != null && !SupportedDates.supports(value)) {
                throw context.weirdStringException(
                        String.valueOf(value),
                        value.getClass(),
                        "the year must be between " + SupportedDates.MIN_YEAR + " and " + SupportedDates.MAX_YEAR);
            }
            return value;
        }
    }

    /**
     * Text as the standard deserializer reads it, minus the NUL character: PostgreSQL cannot store it, so a body
     * carrying one is refused here, naming the field, instead of failing in the database.
     */
    static final class Text extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw context.weirdStringException(value, String.class, RequestBodyErrors.NUL_MESSAGE);
            }
            return value;
        }
    }
}
