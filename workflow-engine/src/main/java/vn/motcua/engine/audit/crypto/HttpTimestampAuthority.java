package vn.motcua.engine.audit.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * A remote RFC 3161 time-stamping authority over HTTP (RFC 3161 section 3.4: {@code POST} of
 * {@code application/timestamp-query}, answer {@code application/timestamp-reply}). Each request carries a
 * nonce and asks for the TSA's certificate; the answer is checked against the request (status, imprint,
 * nonce, the TSA's signature over it) before it is used.
 */
public final class HttpTimestampAuthority implements TimestampAuthority {

    private final URI url;
    private final Map<String, String> headers;
    private final HttpClient http;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    public HttpTimestampAuthority(URI url, Map<String, String> headers, Duration timeout) {
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public byte[] timestamp(byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, random));
        try {
            HttpRequest.Builder post = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()));
            headers.forEach(post::header);
            HttpResponse<byte[]> answer = http.send(post.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The TSA at " + url + " answered HTTP " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IllegalStateException("The TSA at " + url + " granted no token: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (IOException | TSPException e) {
            throw new IllegalStateException("The TSA at " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the TSA at " + url, e);
        }
    }

    @Override
    public String describe() {
        return "RFC 3161 TSA at " + url;
    }
}
