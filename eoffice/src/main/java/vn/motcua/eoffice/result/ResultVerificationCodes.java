package vn.motcua.eoffice.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.motcua.engine.dossier.history.DossierHistory;
import vn.motcua.engine.dossier.history.Step;

/**
 * The verification code printed on a result next to its QR code (and carried in the QR link): what lets anyone
 * holding the paper check the electronic original, and what keeps everyone else from walking the sequential
 * dossier codes to learn which dossiers were decided, when and by whom. It is 10 characters of Crockford base32
 * (50 bits) derived from the random identifier of the dossier's first event, so it needs no key and no storage, and
 * only those who can read the dossier's record (its applicant, its officials, inspectors) can work it out.
 */
@Component
public class ResultVerificationCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 10;

    private final DossierHistory history;

    public ResultVerificationCodes(DossierHistory history) {
        this.history = history;
    }

    /** The code of dossier {@code dossierCode}, grouped for reading ({@code ABCDE-FGHJK}); empty if no such dossier. */
    public Optional<String> of(String dossierCode) {
        return history.of(dossierCode).stream().findFirst().map(Step::eventId).map(ResultVerificationCodes::derive);
    }

    /** Whether {@code candidate} (any case, with or without the dash) is the code of {@code dossierCode}. */
    public boolean matches(String dossierCode, String candidate) {
        String expected = of(dossierCode).map(ResultVerificationCodes::normalise).orElse("");
        String given = candidate == null ? "" : normalise(candidate);
        return !expected.isEmpty() && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    static String derive(String eventId) {
        byte[] digest = sha256("motcua:result-verification:" + eventId);
        StringBuilder code = new StringBuilder();
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt((int) ((bits >>> (64 - 5 * (i + 1))) & 31)));
        }
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    private static String normalise(String code) {
        return code.strip().replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1');
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
