package vn.motcua.portal.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.engine.audit.AuditTrail;
import vn.motcua.engine.audit.Checkpointer;
import vn.motcua.engine.audit.InspectorAccessLog;
import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.EmbeddedTimestampAuthority;
import vn.motcua.engine.audit.crypto.TimestampAuthority;
import vn.motcua.engine.audit.log.Hashes;
import vn.motcua.engine.audit.log.MerkleTree;
import vn.motcua.engine.audit.verify.Checkpoint;
import vn.motcua.engine.audit.verify.CheckpointVerifier;
import vn.motcua.engine.audit.verify.EventStatus;
import vn.motcua.engine.audit.verify.Finding;
import vn.motcua.engine.audit.verify.Report;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.platform.AggregateType;
import vn.motcua.engine.platform.AggregateTypes;
import vn.motcua.engine.problem.Problem;
import vn.motcua.portal.security.Identities;

/**
 * The inspector's API over the signed audit trail (docs/audit.md), the same for every registered aggregate
 * type: a dossier's or a document's trail with each event's status, its audit package as one file, the checkpoints
 * (each verified, never taken on trust) and consistency proofs between them, and the log of inspectors' own
 * reads. Also the dev CA's public side (certificates, CRLs, RFC 3161 TSA), which any
 * verifier may fetch without logging in. Every read by an inspector anywhere in the API is recorded first
 * ({@link InspectorReads}).
 */
@RestController
@Tag(name = "Thanh tra nhật ký ký số / Signed audit trail")
public class AuditTrailController {

    private final AuditTrail trail;
    private final Checkpointer checkpoints;
    private final InspectorAccessLog accessLog;
    private final ObjectProvider<DevPki> pki;
    private final TimestampAuthority tsa;
    private final AggregateTypes types;

    public AuditTrailController(AuditTrail trail, Checkpointer checkpoints, InspectorAccessLog accessLog,
                                ObjectProvider<DevPki> pki, TimestampAuthority tsa, AggregateTypes types) {
        this.types = types;
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.accessLog = accessLog;
        this.pki = pki;
        this.tsa = tsa;
    }

    public record CheckpointView(long number, long previousTreeSize, long treeSize, String rootHash, boolean valid,
                                 Instant timestampedAt, String authority, List<String> problems) {
    }

    public record TrailView(String type, String id, String status, boolean valid, Instant verifiedAt,
                            List<String> trustAnchors, List<EventStatus> events, List<CheckpointView> checkpoints,
                            List<String> findings) {
    }

    @Operation(summary = "Nhật ký ký số của hồ sơ hoặc văn bản, trạng thái từng bước / The signed trail of a dossier"
            + " or a document, each step verified")
    @GetMapping("/api/v1/audit/{collection}/{id}/trail")
    public TrailView trail(@PathVariable String collection, @PathVariable String id) {
        AggregateType<?> type = type(collection);
        Report report = trail.verify(type, id);
        List<CheckpointView> views = report.checkpoints().stream().map(result -> {
            Checkpoint checkpoint = checkpoints.find(result.number()).orElseThrow();
            return new CheckpointView(checkpoint.number(), checkpoint.previousTreeSize(), checkpoint.treeSize(),
                    Hashes.hex(checkpoint.rootHash()), result.valid(), result.timestampedAt(), result.authority(),
                    result.problems());
        }).toList();
        return new TrailView(type.name(), id, report.valid() ? "VALID" : "INVALID", report.valid(), Instant.now(),
                trail.trustAnchors().stream().map(Certificates::subject).toList(), report.events(), views,
                report.findings().stream().map(Finding::describe).toList());
    }

    @Operation(summary = "Tải gói kiểm tra của hồ sơ hoặc văn bản (một tệp JSON) / Export the audit package of a"
            + " dossier or a document (one JSON file)")
    @GetMapping("/api/v1/audit/{collection}/{id}/package")
    public ResponseEntity<byte[]> exportPackage(@PathVariable String collection, @PathVariable String id,
                                                Identity who) {
        AggregateType<?> type = type(collection);
        // commit what is sealed, so that the package proves every event up to now
        checkpoints.checkpointNow();
        byte[] file = trail.export(type, id, who.id()).toBytes();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("motcua-audit-" + id + ".json").build().toString())
                .contentType(MediaType.APPLICATION_JSON).body(file);
    }

    private AggregateType<?> type(String collection) {
        return types.byCollection(collection).orElseThrow(() -> Problem.notFound("type",
                "Không có loại hồ sơ/văn bản '" + collection + "' / No aggregate type '" + collection + "'"));
    }

    @Operation(summary = "Các điểm kiểm (checkpoint) gần nhất / Recent checkpoints")
    @GetMapping("/api/v1/audit/checkpoints")
    public List<CheckpointView> recentCheckpoints(@RequestParam(defaultValue = "20") int limit) {
        return views(checkpoints.recent(Math.max(1, Math.min(limit, 500))));
    }

    @Operation(summary = "Một điểm kiểm / One checkpoint")
    @GetMapping("/api/v1/audit/checkpoints/{number}")
    public CheckpointView checkpoint(@PathVariable long number) {
        return view(find(number));
    }

    @Operation(summary = "Nội dung đã ký của điểm kiểm (RFC 8785) / The signed body of a checkpoint")
    @GetMapping(value = "/api/v1/audit/checkpoints/{number}/body", produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] checkpointBody(@PathVariable long number) {
        return find(number).body();
    }

    @Operation(summary = "Dấu thời gian RFC 3161 của điểm kiểm / The RFC 3161 time-stamp token of a checkpoint")
    @GetMapping(value = "/api/v1/audit/checkpoints/{number}/timestamp", produces = "application/timestamp-token")
    public byte[] checkpointTimestamp(@PathVariable long number) {
        return find(number).timestampToken();
    }

    public record ConsistencyView(CheckpointView from, CheckpointView to, List<String> proof, boolean valid) {
    }

    @Operation(summary = "Chứng minh nhất quán giữa hai điểm kiểm (RFC 9162) / Consistency proof between two checkpoints")
    @GetMapping("/api/v1/audit/consistency")
    public ConsistencyView consistency(@RequestParam long from, @RequestParam long to) {
        Checkpoint first = find(from);
        Checkpoint second = find(to);
        if (first.treeSize() > second.treeSize()) {
            throw Problem.invalid("from", "Điểm kiểm 'from' phải có trước 'to' / 'from' must not be newer than 'to'");
        }
        List<String> proof = trail.consistencyProof(first, second);
        boolean valid = MerkleTree.verifyConsistency(first.treeSize(), second.treeSize(), first.rootHash(),
                second.rootHash(), proof.stream().map(Hashes::unhex).toList());
        return new ConsistencyView(view(first), view(second), proof, valid);
    }

    @Operation(summary = "Nhật ký truy cập của thanh tra / Who read what, when")
    @GetMapping("/api/v1/audit/access-log")
    public List<InspectorAccessLog.Entry> accessLog(@RequestParam(required = false) String user,
                                                    @RequestParam(required = false) Long before,
                                                    @RequestParam(defaultValue = "50") int size) {
        return accessLog.recent(user, before, Math.max(1, Math.min(size, 500)));
    }

    // The dev CA's public side: what a verifier fetches (the embedded default only).

    @GetMapping(value = "/api/v1/pki/{name:root-ca|issuing-ca}.pem", produces = "application/x-pem-file")
    public String caCertificate(@PathVariable String name) {
        DevPki dev = devPki();
        return Certificates.pem("root-ca".equals(name) ? dev.rootCertificate() : dev.issuingCertificate());
    }

    @GetMapping(value = "/api/v1/pki/{name:root-ca|issuing-ca}.crl", produces = "application/pkix-crl")
    public byte[] crl(@PathVariable String name) {
        DevPki dev = devPki();
        return Certificates.der("root-ca".equals(name) ? dev.rootCrl() : dev.crl());
    }

    @Operation(summary = "Máy chủ cấp dấu thời gian RFC 3161 (thử nghiệm) / The embedded RFC 3161 TSA")
    @PostMapping(value = "/api/v1/pki/tsa", consumes = "application/timestamp-query",
            produces = "application/timestamp-reply")
    public byte[] timestamp(@RequestBody byte[] request) throws IOException {
        if (!(tsa instanceof EmbeddedTimestampAuthority embedded)) {
            throw Problem.notFound("tsa", "Không có máy chủ dấu thời gian nội bộ / No embedded TSA");
        }
        try {
            return embedded.respond(request);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("body", "Không phải yêu cầu dấu thời gian RFC 3161 (TimeStampReq, DER) / Not an"
                    + " RFC 3161 time-stamp query (DER-encoded TimeStampReq)");
        }
    }

    private DevPki devPki() {
        DevPki dev = pki.getIfAvailable();
        if (dev == null) {
            throw Problem.notFound("ca", "Không có CA thử nghiệm / No dev CA in this installation");
        }
        return dev;
    }

    private Checkpoint find(long number) {
        return checkpoints.find(number).orElseThrow(() -> Problem.notFound("checkpoint",
                "Không có điểm kiểm " + number + " / No checkpoint " + number));
    }

    private CheckpointView view(Checkpoint checkpoint) {
        return views(List.of(checkpoint)).getFirst();
    }

    private List<CheckpointView> views(List<Checkpoint> list) {
        List<CheckpointVerifier.Result> results = trail.verifyCheckpoints(list);
        return java.util.stream.IntStream.range(0, list.size()).mapToObj(i -> {
            Checkpoint checkpoint = list.get(i);
            CheckpointVerifier.Result result = results.get(i);
            return new CheckpointView(checkpoint.number(), checkpoint.previousTreeSize(), checkpoint.treeSize(),
                    Hashes.hex(checkpoint.rootHash()), result.valid(), result.timestampedAt(), result.authority(),
                    result.problems());
        }).toList();
    }

    /**
     * Records every read an inspector makes anywhere, in the API and on the web front's pages — searches, lists,
     * views, trails, exports — before it is served (who, what, when), and its status after. If the record cannot be
     * written, nothing is served.
     */
    @Component
    static class InspectorReads extends OncePerRequestFilter {

        private final InspectorAccessLog log;
        private final Identities identities;

        InspectorReads(InspectorAccessLog log, Identities identities) {
            this.log = log;
            this.identities = identities;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            boolean inspector = authentication != null && authentication.isAuthenticated()
                    && !isAsset(request.getRequestURI())
                    && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch("ROLE_INSPECTOR"::equals);
            if (!inspector) {
                chain.doFilter(request, response);
                return;
            }
            Identity who = identities.current();
            long entry = log.open(who.id(), who.name(), who.roles().stream().map(Enum::name).sorted()
                            .collect(Collectors.joining(",")), request.getMethod(), request.getRequestURI(),
                    request.getQueryString(), request.getRemoteAddr());
            try {
                chain.doFilter(request, response);
            } finally {
                log.close(entry, response.getStatus());
            }
        }
    }

    /** The web front's styles, scripts and icons: no read of anyone's record. */
    private static boolean isAsset(String path) {
        return path.startsWith("/assets/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    static String logSigner() {
        return CheckpointVerifier.DEFAULT_LOG_SIGNER;
    }
}
