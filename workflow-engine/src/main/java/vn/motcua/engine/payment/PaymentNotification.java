package vn.motcua.engine.payment;

/**
 * A provider's server-to-server message about one order: the order, the exact amount, its own transaction id, the
 * result and the time, with an HMAC-SHA256 signature over exactly those fields ({@link #signedText()}). The time is
 * kept as the provider wrote it, so that the signed bytes are the received bytes.
 */
public record PaymentNotification(String orderId, long amountVnd, String transactionId, PaymentResult result,
                                  String time, String signature) {

    /** The one canonical text that is signed: the fields joined by {@code |}, in this order. */
    public String signedText() {
        return orderId + "|" + amountVnd + "|" + transactionId + "|" + result + "|" + time;
    }

    public PaymentNotification signedWith(byte[] secret) {
        return new PaymentNotification(orderId, amountVnd, transactionId, result, time,
                PaymentSignature.sign(secret, signedText()));
    }
}
