package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/**
 * The doors that answer without sign-in, and passwords, are rate-limited per client (its address): after the
 * configured number of requests the client is answered 429 with {@code Retry-After} and an RFC 9457 problem, while
 * other clients go on as before. Each test speaks from loopback addresses of its own, so the limits it spends are
 * nobody else's.
 */
class RateLimitTest extends IntegrationTest {

    @Test
    void walkingThePublicLookupStopsAtTheLimitAndOthersGoOn() {
        Api walker = anonymousFrom("127.0.0.2");
        int answered = 0;
        Api.Response last = null;
        for (int number = 1; number <= 40; number++) {
            last = walker.get("/api/v1/public/dossier-status?code=000.00.16.H26-990101-%04d&phoneOrIdNumber=0912345678"
                    .formatted(number));
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).isEqualTo(404);
            answered++;
        }
        // 20 at once, then one more each 3 s (greedy refill): a slow machine may earn one or two on the way
        assertThat(answered).as("public-lookup capacity").isBetween(20, 22);
        assertTooManyRequests(last);

        Api.Response other = anonymousFrom("127.0.0.3")
                .get("/api/v1/public/dossier-status?code=000.00.16.H26-990101-0001&phoneOrIdNumber=0912345678");
        assertThat(other.status()).as("another client is not affected").isEqualTo(404);
        assertThat(anonymousFrom("127.0.0.2").get("/api/v1/public/results/000.00.16.H26-990101-0001?v=ABCDE-FGHJK")
                .status()).as("each door has its own limit").isEqualTo(404);
    }

    @Test
    void guessingAPasswordStopsForThatClientAndUserName() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(asFrom("127.0.0.4", "citizen-b", "guess-" + attempt).get("/api/v1/dossiers").status())
                    .isEqualTo(401);
        }
        assertTooManyRequests(asFrom("127.0.0.4", "citizen-b", "guess-11").get("/api/v1/dossiers"));
        assertTooManyRequests(asFrom("127.0.0.4", "citizen-b", PASSWORD).get("/api/v1/dossiers"));

        assertThat(asFrom("127.0.0.4", "citizen-a", PASSWORD).get("/api/v1/dossiers").status())
                .as("another user name from the same client").isEqualTo(200);
        assertThat(asFrom("127.0.0.5", "citizen-b", PASSWORD).get("/api/v1/dossiers").status())
                .as("the same person from another client").isEqualTo(200);
        for (int call = 0; call < 15; call++) {
            assertThat(asFrom("127.0.0.5", "citizen-b", PASSWORD).get("/api/v1/dossiers").status())
                    .as("right passwords are not counted").isEqualTo(200);
        }
    }

    @Test
    void theTimeStampingAuthorityIsLimited() throws Exception {
        byte[] query = new org.bouncycastle.tsp.TimeStampRequestGenerator()
                .generate(org.bouncycastle.tsp.TSPAlgorithms.SHA256, new byte[32]).getEncoded();
        Api client = anonymousFrom("127.0.0.6");
        int answered = 0;
        Api.Response last = null;
        for (int call = 0; call < 70; call++) {
            last = client.postRaw("/api/v1/pki/tsa", MediaType.parseMediaType("application/timestamp-query"),
                    query);
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).as("a well-formed RFC 3161 query is answered").isEqualTo(200);
            answered++;
        }
        assertThat(answered).as("tsa capacity: 60 at once, one more each second").isBetween(60, 65);
        assertTooManyRequests(last);
    }

    private static void assertTooManyRequests(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.headers().getFirst("Retry-After")).isNotNull();
        assertThat(Long.parseLong(response.headers().getFirst("Retry-After"))).isPositive();
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:motcua:problem:too-many-requests");
        assertThat(response.json().get("titleVi").asText()).isEqualTo("Quá nhiều yêu cầu");
        assertThat(response.json().get("titleEn").asText()).isEqualTo("Too many requests");
    }
}
