package vn.motcua.engine.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 in lower-case hex, as payment providers sign their notifications; compared in constant time. */
public final class PaymentSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private PaymentSignature() {
    }

    public static String sign(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Whether {@code signature} is the HMAC of {@code text}; never throws on malformed input. */
    public static boolean verify(byte[] secret, String text, String signature) {
        if (signature == null || text == null) {
            return false;
        }
        byte[] expected = sign(secret, text).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
