package vn.motcua.engine.payment;

import java.time.LocalDate;
import java.util.List;

/**
 * An online payment provider (the National Public Service Portal's payment platform, VNPay, a bank): the system
 * opens an order and sends the payer to the provider's page; the provider tells the system server-to-server, with a
 * signed message, what happened; once a day it publishes a statement of its transactions. Only a message that
 * {@link #authentic} accepts may make a dossier paid ({@link Payments}).
 */
public interface PaymentGateway {

    /** The provider's name as recorded with each payment, e.g. {@code sandbox}. */
    String provider();

    /** Registers the order with the provider and answers the page the payer is sent to. */
    String open(PaymentOrder order, String dossierCode, String agencyName);

    /** Whether the notification carries the provider's valid signature over its exact fields. */
    boolean authentic(PaymentNotification notification);

    /** The provider's own record of the transactions settled on {@code day}, each line signed like a notification. */
    List<PaymentNotification> statement(LocalDate day);
}
