package vn.motcua.engine.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The signed audit trail's settings ({@code motcua.audit.*}). With none, the embedded default runs: a dev
 * PKI under {@code <data-dir>/pki}, an in-process TSA, a checkpoint a minute published to Kafka.
 *
 * @param trustAnchors root CA certificates (PEM files) the trail is verified against; the dev PKI's root
 *                     when empty in the embedded default
 * @param logSigner    subject CN of the audit log's checkpoint certificate
 */
@ConfigurationProperties(prefix = "motcua.audit")
public record AuditProperties(@DefaultValue Pki pki, @DefaultValue Signing signer, List<Path> trustAnchors,
                              @DefaultValue Tsa tsa, @DefaultValue Checkpoints checkpoint,
                              @DefaultValue("motcua audit log") String logSigner) {

    public AuditProperties {
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
    }

    /**
     * The embedded default's dev PKI.
     *
     * @param directory     where its PKCS#12 files live (default {@code <data-dir>/pki})
     * @param crlBaseUrl    where its CRLs are served, written into each certificate
     * @param enrolOnDemand issue a certificate to an official or agency met without one (dev only)
     * @param officials     officials who get a personal certificate on first start
     */
    public record Pki(Path directory, @DefaultValue("motcua-dev-pki") String password,
                      @DefaultValue("motcua (dev)") String organisation,
                      @DefaultValue("http://localhost:8080/api/v1/pki/") String crlBaseUrl,
                      @DefaultValue("true") boolean enrolOnDemand, List<Official> officials) {
        public Pki {
            officials = officials == null ? List.of() : List.copyOf(officials);
        }
    }

    public record Official(String id, String name, String unitId) {
    }

    /**
     * Where the signing keys are: {@code dev-pki} (default), {@code pkcs12} (a directory of PKCS#12 files, one per
     * key, named by {@link vn.motcua.engine.audit.crypto.Pkcs12Signer#fileName(String)}) or {@code pkcs11} (an HSM
     * or token through SunPKCS11).
     */
    public record Signing(@DefaultValue("dev-pki") String type, Path pkcs12Directory, String pkcs12Password,
                          String pkcs11Config, String pkcs11Pin) {
    }

    /** An RFC 3161 TSA over HTTP; the embedded one when {@code url} is not set. */
    public record Tsa(URI url, Map<String, String> headers, @DefaultValue("10s") Duration timeout) {
        public Tsa {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /**
     * @param interval  how often the tree is extended and a checkpoint signed, time-stamped and published
     * @param maxEvents the most events one checkpoint lists (a larger backlog makes several)
     */
    public record Checkpoints(@DefaultValue("1m") Duration interval, @DefaultValue("512") int maxEvents,
                              @DefaultValue("motcua.checkpoints") String topic, @DefaultValue("true") boolean publish) {
    }
}
