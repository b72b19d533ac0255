package vn.motcua.engine.dossier.portalsync;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * {@link NationalPortalClient} over HTTP: {@code POST <base-url><path>} with the payload as JSON (checked
 * against the schema) and, when a token is configured, {@code Authorization: Bearer <token>}. Any answer other
 * than 2xx, or no answer within the timeout, is an exception, so the push is retried.
 */
public class HttpNationalPortalClient implements NationalPortalClient {

    private final RestClient client;
    private final PortalSyncJson json;
    private final String path;

    public HttpNationalPortalClient(String baseUrl, String path, String token, Duration timeout, PortalSyncJson json) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        RestClient.Builder builder = RestClient.builder().baseUrl(baseUrl).requestFactory(requests);
        if (token != null && !token.isBlank()) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        this.client = builder.build();
        this.json = json;
        this.path = path;
    }

    @Override
    public void push(PortalSyncPayload payload) {
        client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json.write(payload))
                .retrieve().toBodilessEntity();
    }
}
