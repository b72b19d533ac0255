package vn.motcua.engine.payment;

import java.time.Instant;

/** One order sent to a provider for a dossier's fee, as our books hold it. */
public record PaymentOrder(String id, String dossierCode, String unitId, long amountVnd, String provider,
                           PaymentStatus status, String providerTransactionId, Instant createdAt, Instant paidAt) {
}
