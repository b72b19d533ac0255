package vn.motcua.engine.notification;

/**
 * Where text messages go: an operator's SMS gateway in production ({@link HttpSmsGateway}), the
 * {@code sms_outbox} table in the embedded default ({@link OutboxSmsGateway}). An implementation throws when
 * the message was not taken, so the notification is retried.
 */
public interface SmsGateway {

    /** One text message; {@code reference} is the id of the event it tells about, for the gateway's logs. */
    record Sms(String phone, String text, String dossierCode, String reference) {
    }

    void send(Sms sms);
}
