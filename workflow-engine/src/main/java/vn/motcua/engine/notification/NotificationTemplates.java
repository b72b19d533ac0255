package vn.motcua.engine.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The Vietnamese texts of the notifications, kept as plain UTF-8 files an agency may replace
 * ({@code motcua.notifications.templates}, default {@code classpath:notifications/}): for each
 * {@link NotificationKind}, {@code <name>.email.txt} (first line the subject, a blank line, then the body) and
 * {@code <name>.sms.txt}. Values are written {@code {{name}}}; the names are {@link #VALUES}, and a template
 * using any other name is refused when it is loaded, not when a citizen would have received it.
 */
public final class NotificationTemplates {

    /** What a template may use. */
    public static final Set<String> VALUES = Set.of("applicantName", "dossierCode", "procedureCode",
            "procedureName", "unitName", "receivedAt", "appointedDate", "previousAppointedDate", "reason", "items",
            "causingUnit", "eventAt", "comment", "amount", "baseFee", "reduction", "paymentUrl",
            "originalSymbol", "actSymbol");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    public record Email(String subject, String body) {
    }

    private record Texts(String subject, String body, String sms) {
    }

    private final Map<NotificationKind, Texts> texts = new EnumMap<>(NotificationKind.class);

    public NotificationTemplates(String location) {
        this(location, new DefaultResourceLoader());
    }

    public NotificationTemplates(String location, ResourceLoader resources) {
        String base = location.endsWith("/") ? location : location + "/";
        for (NotificationKind kind : NotificationKind.values()) {
            String email = read(resources.getResource(base + kind.template() + ".email.txt"));
            int end = email.indexOf('\n');
            if (end < 0 || email.substring(0, end).isBlank()) {
                throw new IllegalStateException("the email template of " + kind + " must start with a subject line");
            }
            String subject = email.substring(0, end).strip();
            String body = email.substring(end + 1).stripLeading();
            String sms = read(resources.getResource(base + kind.template() + ".sms.txt")).strip();
            texts.put(kind, new Texts(subject, body, sms));
        }
    }

    public Email email(NotificationKind kind, Map<String, String> values) {
        Texts text = texts.get(kind);
        return new Email(fill(text.subject(), values).replaceAll("\\s+", " ").strip(), fill(text.body(), values));
    }

    public String sms(NotificationKind kind, Map<String, String> values) {
        return fill(texts.get(kind).sms(), values).replaceAll("\\s+", " ").strip();
    }

    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                if (!VALUES.contains(matcher.group(1))) {
                    throw new IllegalStateException("unknown value {{" + matcher.group(1) + "}} in " + resource
                            + "; known: " + VALUES);
                }
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read notification template " + resource, e);
        }
    }
}
