package vn.motcua.engine.notification;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * An SMS gateway reached over HTTP ({@code motcua.sms.gateway-url}): {@code POST} of
 * {@code {"to": phone, "text": text, "reference": eventId, "sender": brandname}} as JSON, with
 * {@code Authorization: Bearer <token>} when a token is configured. Any answer other than 2xx is a failure.
 * Operators' APIs differ; one that wants another body gets its own implementation of {@link SmsGateway}.
 */
public class HttpSmsGateway implements SmsGateway {

    private final RestClient client;
    private final String sender;

    public HttpSmsGateway(String url, String token, String sender, Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        RestClient.Builder builder = RestClient.builder().baseUrl(url).requestFactory(requests);
        if (token != null && !token.isBlank()) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        this.client = builder.build();
        this.sender = sender;
    }

    @Override
    public void send(Sms sms) {
        Map<String, String> body = sender == null || sender.isBlank()
                ? Map.of("to", sms.phone(), "text", sms.text(), "reference", sms.reference())
                : Map.of("to", sms.phone(), "text", sms.text(), "reference", sms.reference(), "sender", sender);
        client.post().contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }
}
