package vn.motcua.engine.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The provider's signature covers every field of a notification, exactly. */
class PaymentSignatureTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSignatureIsTheHmacSha256OfTheFieldsInOrder() {
        // computed independently: echo -n 'PAY1|500000|T1|PAID|2026-12-07T01:00:00Z' | openssl dgst -sha256 -hmac <key>
        assertThat(PaymentSignature.sign(KEY, "PAY1|500000|T1|PAID|2026-12-07T01:00:00Z"))
                .isEqualTo("efab0619839104513e9213eade6e83e3c089fea7043cdcd3d560e60cd2b7fe96");
        PaymentNotification signed = new PaymentNotification("PAY1", 500_000, "T1", PaymentResult.PAID,
                "2026-12-07T01:00:00Z", null).signedWith(KEY);
        assertThat(signed.signedText()).isEqualTo("PAY1|500000|T1|PAID|2026-12-07T01:00:00Z");
        assertThat(PaymentSignature.verify(KEY, signed.signedText(), signed.signature())).isTrue();
        assertThat(PaymentSignature.verify(KEY, signed.signedText(), signed.signature().toUpperCase())).isTrue();
    }

    @Test
    void changingAnyFieldOrTheKeyBreaksTheSignature() {
        PaymentNotification signed = new PaymentNotification("PAY1", 500_000, "T1", PaymentResult.PAID,
                "2026-12-07T01:00:00Z", null).signedWith(KEY);
        String signature = signed.signature();
        for (PaymentNotification changed : new PaymentNotification[] {
                new PaymentNotification("PAY2", 500_000, "T1", PaymentResult.PAID, signed.time(), signature),
                new PaymentNotification("PAY1", 1_000, "T1", PaymentResult.PAID, signed.time(), signature),
                new PaymentNotification("PAY1", 500_000, "T2", PaymentResult.PAID, signed.time(), signature),
                new PaymentNotification("PAY1", 500_000, "T1", PaymentResult.FAILED, signed.time(), signature),
                new PaymentNotification("PAY1", 500_000, "T1", PaymentResult.PAID, "2026-12-08T01:00:00Z", signature)}) {
            assertThat(PaymentSignature.verify(KEY, changed.signedText(), changed.signature())).as(changed.toString())
                    .isFalse();
        }
        byte[] otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        assertThat(PaymentSignature.verify(otherKey, signed.signedText(), signature)).isFalse();
        assertThat(PaymentSignature.verify(KEY, signed.signedText(), null)).isFalse();
        assertThat(PaymentSignature.verify(KEY, signed.signedText(), "zz")).isFalse();
    }
}
