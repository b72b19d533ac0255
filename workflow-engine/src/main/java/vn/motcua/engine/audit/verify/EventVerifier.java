package vn.motcua.engine.audit.verify;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.bouncycastle.asn1.x500.style.BCStyle;

import vn.motcua.engine.audit.crypto.BouncyCastle;
import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.crypto.SignatureAlgorithms;
import vn.motcua.engine.audit.log.CanonicalEvent;
import vn.motcua.engine.audit.log.Hashes;
import vn.motcua.engine.audit.log.StoredEvent;
import vn.motcua.engine.identity.Role;

/**
 * Checks events one by one, in each dossier's sequence order, against their seals: the hash recomputed from
 * the stored record (RFC 8785 canonical bytes), the hash chain, the signature, the signer's certificate at
 * signing time, and whether that signer may seal this step — the acting official's own certificate (subject
 * UID = their id) for an official's step, the seal of the dossier's agency (subject organizationIdentifier =
 * its unit code) for a citizen's or the system's, the system seal (the audit log's certificate) for an
 * administrator's or the system's change to an aggregate that names no unit (the administration records). Used alike by the inspector's trail, the package verifier
 * and the store sweep. One instance per verification run; it remembers the last event of each dossier.
 */
public final class EventVerifier {

    private record Chain(long lastSequence, byte[] lastSealedHash, String unitId) {
    }

    private final CertificateValidator validator;
    private final Function<String, X509Certificate> certificates;
    private final Instant sealingSince;
    private final String logSigner;
    private final Map<String, Chain> chains = new HashMap<>();
    private final Map<X509Certificate, PublicKey> publicKeys = new HashMap<>();

    /** The outcome, and the hash recomputed from the stored record (null if the payload is unreadable). */
    public record Outcome(EventStatus status, byte[] recomputedHash) {
    }

    public EventVerifier(CertificateValidator validator, Function<String, X509Certificate> certificates,
                         Instant sealingSince) {
        this(validator, certificates, sealingSince, CheckpointVerifier.DEFAULT_LOG_SIGNER);
    }

    /** @param logSigner CN of the audit log's certificate: the system seal that seals late what names no unit */
    public EventVerifier(CertificateValidator validator, Function<String, X509Certificate> certificates,
                         Instant sealingSince, String logSigner) {
        this.validator = validator;
        this.certificates = certificates;
        this.sealingSince = sealingSince;
        this.logSigner = logSigner == null ? CheckpointVerifier.DEFAULT_LOG_SIGNER : logSigner;
    }

    public Outcome verify(StoredEvent event, Seal seal) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Chain chain = chains.get(event.aggregateId());
        byte[] previous = seal != null ? seal.previousHash() : chain != null ? chain.lastSealedHash() : null;
        CanonicalEvent.Canonical canonical = null;
        try {
            canonical = CanonicalEvent.canonical(event, previous);
        } catch (CanonicalEvent.UnreadablePayload e) {
            problems.add("content altered: " + e.getMessage());
        }
        byte[] recomputed = canonical == null ? null : canonical.hash();
        CanonicalEvent.Facts facts = canonical == null ? new CanonicalEvent.Facts(null, null, null, null, null)
                : canonical.facts();
        String unit = chain != null ? chain.unitId() : event.sequence() == 0 ? facts.unitId() : null;

        if (seal == null) {
            problems.add("no seal: the event was never sealed, or its seal was deleted");
            chains.put(event.aggregateId(), new Chain(event.sequence(), recomputed, unit));
            return new Outcome(new EventStatus(event.sequence(), event.eventId(), event.aggregateId(), event.type(),
                    event.time(), facts.actorId(), facts.actorRole(), null, Hashes.hex(recomputed), null, false,
                    null, null, new EventStatus.ChainLink(false, "no seal"), null, problems, warnings), recomputed);
        }

        boolean hashMatches = recomputed != null && Arrays.equals(recomputed, seal.eventHash());
        if (recomputed != null && !hashMatches) {
            problems.add("content altered: the hash of the stored record is " + Hashes.hex(recomputed)
                    + ", the sealed hash is " + Hashes.hex(seal.eventHash()));
        }
        if (!event.aggregateId().equals(seal.aggregateId()) || event.sequence() != seal.sequence()) {
            problems.add("moved: the event is stored as " + event.aggregateId() + " seq " + event.sequence()
                    + " but was sealed as " + seal.aggregateId() + " seq " + seal.sequence());
        }

        EventStatus.ChainLink link = link(event, seal, chain, problems);

        X509Certificate certificate = seal.certificate() == null ? null : certificates.apply(seal.certificate());
        EventStatus.SignatureStatus signature;
        EventStatus.CertificateStatus certificateStatus;
        if (certificate == null) {
            problems.add("the signer's certificate " + seal.certificate() + " is unknown");
            signature = new EventStatus.SignatureStatus(false, seal.algorithm(), seal.certificate(), null,
                    String.valueOf(seal.sealedAs()), false, "certificate unknown");
            certificateStatus = new EventStatus.CertificateStatus(false, "certificate unknown");
        } else {
            boolean valid = canonical != null
                    && SignatureAlgorithms.verify(seal.algorithm(), publicKey(certificate), canonical.bytes(),
                    seal.signature());
            if (!valid) {
                problems.add("signature invalid (" + seal.algorithm() + ", certificate "
                        + Certificates.subject(certificate) + ")");
            }
            String authorisation = authorisation(seal, certificate, facts, unit, event.time(), warnings);
            if (authorisation != null) {
                problems.add(authorisation);
            }
            signature = new EventStatus.SignatureStatus(valid, seal.algorithm(), seal.certificate(),
                    Certificates.subject(certificate), String.valueOf(seal.sealedAs()), authorisation == null,
                    authorisation == null ? "signed by " + Certificates.subject(certificate) : authorisation);
            certificateStatus = certificateAt(certificate, event.time(), problems);
        }
        chains.put(event.aggregateId(), new Chain(event.sequence(), seal.eventHash(), unit));
        return new Outcome(new EventStatus(event.sequence(), event.eventId(), event.aggregateId(), event.type(),
                event.time(), facts.actorId(), facts.actorRole(), Hashes.hex(seal.eventHash()), Hashes.hex(recomputed),
                Hashes.hex(seal.previousHash()), hashMatches, signature, certificateStatus, link, null, problems,
                warnings), recomputed);
    }

    /** The signer's key, converted once per certificate to Bouncy Castle's own (several times faster to verify). */
    private PublicKey publicKey(X509Certificate certificate) {
        return publicKeys.computeIfAbsent(certificate, signer -> {
            try {
                return BouncyCastle.publicKey(signer.getPublicKey());
            } catch (GeneralSecurityException e) {
                return signer.getPublicKey(); // Bouncy Castle then judges the key as it is
            }
        });
    }

    private static EventStatus.ChainLink link(StoredEvent event, Seal seal, Chain chain, List<String> problems) {
        long sequence = event.sequence();
        String detail;
        if (sequence == 0) {
            detail = seal.previousHash() == null ? null : "the first event points to a previous hash";
        } else if (chain == null) {
            detail = "events seq 0 to " + (sequence - 1) + " of this dossier are missing";
        } else if (chain.lastSequence() >= sequence) {
            detail = "out of order: seq " + sequence + " comes after seq " + chain.lastSequence();
        } else if (chain.lastSequence() < sequence - 1) {
            detail = "events seq " + (chain.lastSequence() + 1) + " to " + (sequence - 1)
                    + " of this dossier are missing (deleted?)";
        } else if (!Arrays.equals(seal.previousHash(), chain.lastSealedHash())) {
            detail = "chain broken: the previous hash " + Hashes.hex(seal.previousHash())
                    + " is not the hash of seq " + (sequence - 1) + " (" + Hashes.hex(chain.lastSealedHash()) + ")";
        } else {
            detail = null;
        }
        if (detail != null) {
            problems.add(detail);
            return new EventStatus.ChainLink(false, detail);
        }
        return new EventStatus.ChainLink(true, sequence == 0 ? "first event of the dossier"
                : "follows seq " + (sequence - 1));
    }

    private EventStatus.CertificateStatus certificateAt(X509Certificate certificate, String time, List<String> problems) {
        Instant at;
        try {
            at = Instant.parse(time);
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add("the event time '" + time + "' is not an instant");
            return new EventStatus.CertificateStatus(false, "no signing time");
        }
        CertificateValidator.Result result = validator.validAt(certificate, at);
        if (!result.valid()) {
            problems.add("certificate not valid at signing time: " + result.detail());
        }
        return new EventStatus.CertificateStatus(result.valid(), result.detail());
    }

    /** Null if this signer may seal this step, else why not. */
    private String authorisation(Seal seal, X509Certificate certificate, CanonicalEvent.Facts facts, String unit,
                                 String time, List<String> warnings) {
        boolean official = isOfficial(facts.actorRole());
        String uid = Certificates.subjectAttribute(certificate, BCStyle.UID);
        String organisation = Certificates.subjectAttribute(certificate, BCStyle.ORGANIZATION_IDENTIFIER);
        if (seal.sealedAs() == null) {
            return "unknown kind of seal";
        }
        switch (seal.sealedAs()) {
            case OFFICIAL -> {
                if (!official) {
                    return "sealed with a personal key, but the step was taken by a " + facts.actorRole()
                            + " (the agency's seal is required)";
                }
                if (!Objects.equals(uid, facts.actorId())) {
                    return "signed by " + Certificates.subject(certificate) + ", not by the acting official "
                            + facts.actorId();
                }
                return null;
            }
            case AGENCY, RETROACTIVE -> {
                if (official && seal.sealedAs() == Seal.SealedAs.AGENCY) {
                    return "an official's step (" + facts.actorId() + ") sealed with the agency's key instead of"
                            + " the official's own";
                }
                boolean systemSeal = seal.sealedAs() == Seal.SealedAs.RETROACTIVE && unit == null
                        && logSigner.equals(Certificates.subjectAttribute(certificate, BCStyle.CN));
                if (!systemSeal && (organisation == null || !organisation.equals(unit))) {
                    return "sealed by " + Certificates.subject(certificate) + ", not by the seal of the dossier's"
                            + " agency " + unit;
                }
                if (seal.sealedAs() == Seal.SealedAs.RETROACTIVE) {
                    Instant at = parse(time);
                    // the system seal seals late what a version stored unsealed (documents before the platform
                    // sealed every aggregate type): shown as a warning, never passed off as sealed in time
                    if (!systemSeal && sealingSince != null && at != null && !at.isBefore(sealingSince)) {
                        return "sealed \"retroactively\" although the step was taken after sealing began ("
                                + sealingSince + ")";
                    }
                    warnings.add("sealed late, with " + (systemSeal ? "the system seal" : "the agency's seal")
                            + ": integrity is proven from the time it was sealed, not from the step itself");
                }
                return null;
            }
            case SYSTEM -> {
                if (!runsTheSystem(facts.actorRole())) {
                    return "sealed with the system seal, but the step was taken by a " + facts.actorRole()
                            + " (only an administrator's or the system's change to what belongs to no agency is)";
                }
                if (unit != null) {
                    return "sealed with the system seal, but the aggregate belongs to the agency " + unit
                            + " (its seal is required)";
                }
                if (!logSigner.equals(Certificates.subjectAttribute(certificate, BCStyle.CN))) {
                    return "sealed by " + Certificates.subject(certificate) + ", not by the system seal (CN="
                            + logSigner + ")";
                }
                return null;
            }
            default -> {
                return "unknown kind of seal";
            }
        }
    }

    private static boolean runsTheSystem(String role) {
        try {
            return role != null && Role.valueOf(role).runsTheSystem();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isOfficial(String role) {
        try {
            return role != null && Role.valueOf(role).isOfficial();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Instant parse(String time) {
        try {
            return Instant.parse(time);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
