package vn.motcua.portal.limits;

import java.io.IOException;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

/**
 * The dates a person may send: years {@value #FIRST_YEAR}–{@value #LAST_YEAR}, the span the working-day calendar
 * computes (its lunar holidays, {@code LunarCalendar}) and the administration's calendar accepts. A date outside it
 * ({@code +999999999-12-31}) would overflow deadline arithmetic; it is refused as a 400 naming the field, in JSON
 * bodies (Jackson) and in query and path parameters (Spring's formatters) alike.
 */
public final class DateBounds {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    private static final String MESSAGE = "năm phải từ " + FIRST_YEAR + " đến " + LAST_YEAR + " / the year must be "
            + FIRST_YEAR + "–" + LAST_YEAR;

    private DateBounds() {
    }

    static boolean within(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    static int year(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).getYear();
    }

    /** Jackson: {@code LocalDate} and {@code Instant} read as usual, then held to the span. */
    static SimpleModule jacksonModule() {
        SimpleModule module = new SimpleModule("motcua-date-bounds");
        module.addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                LocalDate::getYear));
        module.addDeserializer(Instant.class, new Bounded<>(Instant.class, InstantDeserializer.INSTANT,
                DateBounds::year));
        return module;
    }

    private static final class Bounded<T> extends StdDeserializer<T> {

        private final JsonDeserializer<? extends T> standard;
        private final java.util.function.ToIntFunction<T> year;

        Bounded(Class<T> type, JsonDeserializer<? extends T> standard, java.util.function.ToIntFunction<T> year) {
            super(type);
            this.standard = standard;
            this.year = year;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getText();
            T value = standard.deserialize(parser, context);
            if (value != null && !within(year.applyAsInt(value))) {
                return (T) context.handleWeirdStringValue(handledType(), text, MESSAGE);
            }
            return value;
        }
    }

    /** Spring MVC: a {@code @DateTimeFormat LocalDate} or {@code Instant} parameter, held to the span. */
    static final class Parameters implements AnnotationFormatterFactory<DateTimeFormat> {

        private final Jsr310DateTimeFormatAnnotationFormatterFactory standard =
                new Jsr310DateTimeFormatAnnotationFormatterFactory();

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(LocalDate.class, Instant.class);
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return standard.getPrinter(annotation, fieldType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            Parser<Object> parser = (Parser<Object>) standard.getParser(annotation, fieldType);
            return (text, locale) -> check(parser.parse(text, locale));
        }
    }

    /** Spring MVC: a plain {@code Instant} parameter (ISO-8601), held to the span. */
    static final class Instants implements Formatter<Instant> {

        private final InstantFormatter standard = new InstantFormatter();

        @Override
        public Instant parse(String text, Locale locale) throws ParseException {
            return (Instant) check(standard.parse(text, locale));
        }

        @Override
        public String print(Instant instant, Locale locale) {
            return standard.print(instant, locale);
        }
    }

    private static Object check(Object value) {
        int year = value instanceof LocalDate date ? date.getYear()
                : value instanceof Instant instant ? year(instant) : FIRST_YEAR;
        if (!within(year)) {
            throw new DateTimeException(MESSAGE);
        }
        return value;
    }
}
