package vn.motcua.engine.notification;

import java.io.UnsupportedEncodingException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.config.PublicAddress;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.DossierEvent.DelayApologised;
import vn.motcua.engine.dossier.DossierEvent.SupplementRequested;
import vn.motcua.engine.dossier.DossierEvent.SupplementRequestedInAppraisal;
import vn.motcua.engine.dossier.report.DossierTimeline;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * Tells the applicant, by email and SMS, about the steps listed in {@link NotificationKind}, with the address
 * and phone number declared on submission. A tracking processor (its token in PostgreSQL), so a mail or SMS
 * outage only delays the messages; each message sent is recorded in {@code notification_sent} by event id and
 * channel in its own transaction right after it went out, and a retried batch skips what is recorded: nobody is
 * told twice (short of a crash between sending and recording). An email sent again after such a crash is the same
 * message: its Message-ID is made from the event id, not drawn anew (RFC 5322 §3.6.4: one identifier per message), so
 * that the recipient's mail system can recognise the second copy.
 */
@ProcessingGroup(DossierNotifications.PROCESSING_GROUP)
public class DossierNotifications {

    public static final String PROCESSING_GROUP = "notifications";
    private static final Logger log = LoggerFactory.getLogger(DossierNotifications.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final String NONE = "—";

    public enum Channel { EMAIL, SMS }

    /** Where messages come from and how text messages are written. */
    public record Settings(String from, String fromName, boolean unaccentedSms) {
    }

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final NotificationTemplates templates;
    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties properties;
    private final JavaMailSender mail;
    private final SmsGateway sms;
    private final Settings settings;
    private final PublicAddress address;

    /** @param mail {@code null} when no mail server is configured: then only SMS goes out */
    public DossierNotifications(EventStore eventStore, JdbcTemplate jdbc, TransactionTemplate transactions,
                                NotificationTemplates templates, ProcedureCatalogue catalogue,
                                MotcuaProperties properties, JavaMailSender mail, SmsGateway sms, Settings settings,
                                PublicAddress address) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.templates = templates;
        this.catalogue = catalogue;
        this.properties = properties;
        this.mail = mail;
        this.sms = sms;
        this.settings = settings;
        this.address = address;
        if (mail == null) {
            log.warn("No mail server configured (spring.mail.host, or motcua.mail.embedded=true): "
                    + "applicants get no email notifications");
        }
    }

    @EventHandler
    void on(DossierEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        Optional<NotificationKind> kind = NotificationKind.of(event);
        if (kind.isEmpty()) {
            return;
        }
        DossierTimeline timeline = DossierTimeline.of(DossierTimeline.read(eventStore, event.code(), sequence));
        Applicant applicant = timeline.applicant();
        if (applicant == null) {
            return;
        }
        Map<String, String> values = values(event, timeline);
        if (mail != null && present(applicant.email())) {
            NotificationTemplates.Email email = templates.email(kind.get(), values);
            deliver(eventId, Channel.EMAIL, kind.get(), event.code(), applicant.email().strip(),
                    () -> sendEmail(eventId, applicant.email().strip(), email));
        }
        if (present(applicant.phone())) {
            Map<String, String> smsValues = new HashMap<>(values);
            smsValues.put("items", String.join("; ", items(event)));
            String text = templates.sms(kind.get(), smsValues);
            String phone = applicant.phone().strip();
            deliver(eventId, Channel.SMS, kind.get(), event.code(), phone, () -> sms.send(new SmsGateway.Sms(
                    phone, settings.unaccentedSms() ? unaccented(text) : text, event.code(), eventId)));
        }
    }

    /** Sends once: skipped when already recorded, recorded in the same (own) transaction as the send. */
    private void deliver(String eventId, Channel channel, NotificationKind kind, String dossierCode, String recipient,
                         Runnable send) {
        ownTransaction.executeWithoutResult(status -> {
            Integer sent = jdbc.queryForObject(
                    "select count(*) from notification_sent where event_id = ? and channel = ?", Integer.class,
                    eventId, channel.name());
            if (sent != null && sent > 0) {
                return;
            }
            send.run();
            jdbc.update("""
                    insert into notification_sent (event_id, channel, dossier_code, kind, recipient)
                    values (?, ?, ?, ?, ?) on conflict do nothing""",
                    eventId, channel.name(), dossierCode, kind.name(), recipient);
        });
    }

    private void sendEmail(String eventId, String to, NotificationTemplates.Email email) {
        MimeMessage message = mail.createMimeMessage();
        try {
            // kept by JavaMailSenderImpl when it saves the message
            message.setHeader("Message-ID", messageId(eventId, settings.from()));
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.from(), settings.fromName());
            helper.setTo(to);
            helper.setSubject(email.subject());
            helper.setText(email.body(), false);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot write the notification to " + to, e);
        }
        mail.send(message);
    }

    /** The Message-ID of the email about one event: {@code <event id.email@the sender's domain>}. */
    static String messageId(String eventId, String from) {
        return "<" + eventId + ".email@" + from.substring(from.indexOf('@') + 1) + ">";
    }

    private Map<String, String> values(DossierEvent event, DossierTimeline timeline) {
        ZoneId zone = properties.zone();
        Map<String, String> values = new HashMap<>();
        values.put("applicantName", orNone(timeline.applicant().fullName()));
        values.put("dossierCode", timeline.code());
        values.put("procedureCode", timeline.procedureCode());
        values.put("procedureName", catalogue.find(timeline.procedureCode()).map(Procedure::name)
                .orElse(timeline.procedureCode()));
        values.put("unitName", properties.unit(timeline.unitId()).map(MotcuaProperties.OrgUnit::name)
                .orElse(timeline.unitId()));
        values.put("receivedAt", timeline.receivedAt() == null ? NONE
                : TIME.format(timeline.receivedAt().atZone(zone)));
        values.put("appointedDate", day(timeline.appointedDate()));
        values.put("eventAt", TIME.format(event.at().atZone(zone)));
        values.put("reason", orNone(event.comment()));
        values.put("comment", orNone(event.comment()));
        values.put("items", items(event).stream().map(item -> "- " + item).reduce((a, b) -> a + "\n" + b)
                .orElse(NONE));
        values.put("paymentUrl", address.paymentOf(timeline.code()));
        if (event instanceof DossierEvent.PaymentRequested fee) {
            values.put("amount", money(fee.amountVnd()));
            values.put("baseFee", money(fee.baseFeeVnd() > 0 ? fee.baseFeeVnd() : fee.amountVnd()));
            values.put("reduction", fee.reductionVnd() > 0 ? money(fee.reductionVnd()) + " (" + orNone(
                    fee.reductionReason()) + ")" : "không / none");
        } else {
            values.put("amount", NONE);
            values.put("baseFee", NONE);
            values.put("reduction", NONE);
        }
        switch (event) {
            case DossierEvent.ResultCorrected corrected -> {
                values.put("originalSymbol", corrected.originalSymbol());
                values.put("actSymbol", corrected.symbol());
            }
            case DossierEvent.ResultRevoked revoked -> {
                values.put("originalSymbol", revoked.originalSymbol());
                values.put("actSymbol", revoked.symbol());
            }
            default -> {
                values.put("originalSymbol", NONE);
                values.put("actSymbol", NONE);
            }
        }
        if (event instanceof DelayApologised apology) {
            values.put("previousAppointedDate", day(apology.previousAppointedDate()));
            values.put("causingUnit", orNone(properties.unit(apology.causingUnit())
                    .map(MotcuaProperties.OrgUnit::name).orElse(apology.causingUnit())));
        }
        return values;
    }

    private static List<String> items(DossierEvent event) {
        List<String> items = switch (event) {
            case SupplementRequested e -> e.items();
            case SupplementRequestedInAppraisal e -> e.items();
            default -> List.of();
        };
        return items == null ? List.of() : items;
    }

    /** An amount as Vietnamese write it: {@code 1.000.000 ₫}. */
    static String money(long amountVnd) {
        return String.format(java.util.Locale.forLanguageTag("vi-VN"), "%,d", amountVnd).replace(',', '.')
                .replace('\u00a0', '.') + " ₫";
    }

    private static String day(LocalDate date) {
        return date == null ? NONE : DAY.format(date);
    }

    private static String orNone(String text) {
        return present(text) ? text.strip() : NONE;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** Vietnamese without diacritics, as brandname SMS is usually sent (one GSM segment holds 160 characters). */
    static String unaccented(String text) {
        String folded = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return folded.replaceAll("\\p{M}+", "");
    }
}
