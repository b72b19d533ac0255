package vn.motcua.engine.notification;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default's SMS channel when no gateway is configured: each message is written to
 * {@code sms_outbox}, in the transaction that records the notification as sent, for an operator or a relay to
 * deliver. It is an outbox, not a delivery: nothing leaves the machine.
 */
public class OutboxSmsGateway implements SmsGateway {

    private final JdbcTemplate jdbc;

    public OutboxSmsGateway(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void send(Sms sms) {
        jdbc.update("insert into sms_outbox (event_id, dossier_code, phone, text) values (?, ?, ?, ?)",
                sms.reference(), sms.dossierCode(), sms.phone(), sms.text());
    }
}
