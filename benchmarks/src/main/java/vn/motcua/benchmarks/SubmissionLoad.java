package vn.motcua.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load driver of citizens submitting dossiers over HTTP, the way the API documents it
 * ({@code POST /api/v1/dossiers}, {@code multipart/form-data}: a part {@code dossier} of JSON and a part {@code files}
 * with one PDF), signed in as citizens do in production: a bearer token of the agency's OIDC provider
 * ({@link BearerTokens}; docs/security.md). Each client is a
 * thread that sends its next submission as soon as the last one is answered. Every submission carries a small PDF of
 * its own (~200 bytes, a different comment line each), so every attachment is really checked and stored.
 *
 * <p>A phase runs its clients through a warm-up and then a measured window: submissions answered within the window
 * count, their latencies give the percentiles; any answer other than 201 is an error, counted by its status.
 */
final class SubmissionLoad {

    /**
     * The receiving agencies of the demo configuration, one per client in turn. A dossier code's sequence is gap-free
     * per agency and day (Circular 01/2018/TT-VPCP Art. 19, {@code DossierCodes}): one agency's submissions take their
     * numbers one after another, and its 4-digit sequence holds 9,999 a day. A load of hundreds a second is a load
     * spread over many agencies; the demo has two.
     */
    static final List<String> AGENCIES = List.of("000.00.16.H26", "000.00.16.H29");
    private static final List<String> CITIZENS = List.of("citizen-a", "citizen-b");
    private static final String BOUNDARY = "motcua-benchmark-boundary";
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final String DOSSIER = """
            {"procedureCode":"%s","unitId":"%s",
             "applicant":{"fullName":"Nguyễn Văn An","idNumber":"001099012345","phone":"0912345678",
                          "email":"applicant@example.vn","address":"Số 1 Tràng Tiền, Hà Nội"},
             "form":{"productName":"Kem dưỡng da Sen Việt","brand":"Sen Việt"}}""";

    private final URI base;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong sequence = new AtomicLong();

    SubmissionLoad(URI base, BearerTokens provider) throws GeneralSecurityException {
        this.base = base;
        for (String citizen : CITIZENS) {
            tokens.put(citizen, "Bearer " + provider.citizen(citizen, "Công dân " + citizen));
        }
    }

    /** What one phase measured; {@code codes} are the dossiers its window accepted, with who submitted them. */
    record Result(int clients, Duration window, Instant from, Instant to, int accepted, List<Long> latenciesNanos,
                  Map<String, Long> errors, Map<String, String> errorSamples, List<Submitted> codes,
                  ApplicationProcess.CpuTicks cpu) {

        double perSecond() {
            return accepted / (window.toNanos() / 1e9);
        }

        double percentileMillis(double percentile) {
            if (latenciesNanos.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * latenciesNanos.size()) - 1;
            return latenciesNanos.get(Math.max(0, Math.min(index, latenciesNanos.size() - 1))) / 1e6;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    record Submitted(String citizen, String code) {
    }

    /** Runs {@code clients} through the warm-up and the window; {@code cpu} is read at the window's edges. */
    Result run(int clients, Duration warmUp, Duration window, Supplier<ApplicationProcess.CpuTicks> cpu)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureTo = measureFrom + window.toNanos();
        Instant from = Instant.now().plus(warmUp);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Submitted> codes = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> errors = new ConcurrentHashMap<>();
        Map<String, String> samples = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            String citizen = CITIZENS.get(client % CITIZENS.size());
            String dossier = DOSSIER.formatted(Submissions.PROCEDURE, AGENCIES.get(client / CITIZENS.size() % AGENCIES.size()));
            threads.add(Thread.ofPlatform().name("citizen-" + client).start(() -> {
                while (System.nanoTime() < measureTo) {
                    long sent = System.nanoTime();
                    Answer answer = submit(citizen, dossier);
                    long answered = System.nanoTime();
                    if (answered < measureFrom || answered > measureTo) {
                        continue;
                    }
                    if (answer.status() == 201) {
                        latencies.add(answered - sent);
                        codes.add(new Submitted(citizen, answer.code()));
                    } else {
                        errors.merge(answer.error(), 1L, Long::sum);
                        samples.putIfAbsent(answer.error(), answer.body());
                    }
                }
            }));
        }
        sleepUntil(measureFrom);
        ApplicationProcess.CpuTicks before = cpu.get();
        sleepUntil(measureTo);
        ApplicationProcess.CpuTicks during = cpu.get().minus(before);
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(clients, window, from, from.plus(window), sorted.size(), sorted, new TreeMap<>(errors),
                new TreeMap<>(samples), List.copyOf(codes), during);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    /** What the service answered to one submission: 201 with the dossier's code, or an error. */
    private record Answer(int status, String code, String body, String error) {
    }

    private Answer submit(String citizen, String dossier) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/dossiers"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", tokens.get(citizen))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(dossier, sequence.incrementAndGet())))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher code = CODE.matcher(response.body());
            if (response.statusCode() == 201 && code.find()) {
                return new Answer(201, code.group(1), response.body(), null);
            }
            return new Answer(response.statusCode(), null, response.body(), "HTTP " + response.statusCode());
        } catch (IOException e) {
            return new Answer(0, null, String.valueOf(e.getMessage()), "I/O " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted", "interrupted");
        }
    }

    /**
     * Checks that the service really holds what it accepted: each sampled dossier is read back through the API by the
     * citizen who submitted it. Throws if one is missing.
     */
    void verify(List<Submitted> sample) throws IOException, InterruptedException {
        for (Submitted submitted : sample) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            base.resolve("/api/v1/dossiers/" + submitted.code()))
                    .header("Authorization", tokens.get(submitted.citizen())).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher code = CODE.matcher(response.body());
            if (response.statusCode() != 200 || !code.find() || !code.group(1).equals(submitted.code())) {
                throw new IllegalStateException("Dossier " + submitted.code() + " was accepted (201) but reading it"
                        + " back answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** The multipart body of one submission: the dossier's JSON and one small PDF of its own. */
    private static byte[] body(String dossier, long n) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"dossier\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + dossier + "\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"phieu-cong-bo.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Submissions.pdf(n));
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

}
