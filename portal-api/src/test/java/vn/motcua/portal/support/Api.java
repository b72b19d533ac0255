package vn.motcua.portal.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A person calling the real HTTP API of the running application, as curl would. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient client;
    private final String authorization;
    private final String language;

    Api(RestClient client, String authorization) {
        this(client, authorization, null);
    }

    private Api(RestClient client, String authorization, String language) {
        this.client = client;
        this.authorization = authorization;
        this.language = language;
    }

    /** A caller of the application at {@code baseUrl} (one not started by the shared test context). */
    public static Api at(String baseUrl, String user, String password) {
        return new Api(RestClient.builder().baseUrl(baseUrl).build(), basic(user, password));
    }

    /** The same caller, asking for answers in another language ({@code Accept-Language}). */
    public Api inLanguage(String language) {
        return new Api(client, authorization, language);
    }

    public record Response(int status, HttpHeaders headers, byte[] bytes) {
        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + text(), e);
            }
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public String contentType() {
            return headers.getFirst(HttpHeaders.CONTENT_TYPE);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String path) {
        return exchange(client.get().uri(path));
    }

    public Response postJson(String path, String json) {
        return exchange(client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json));
    }

    public Response putJson(String path, String json) {
        return exchange(client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json));
    }

    public Response delete(String path) {
        return exchange(client.delete().uri(path));
    }

    public Response post(String path) {
        return exchange(client.post().uri(path));
    }

    public Response postRaw(String path, MediaType type, byte[] body) {
        return exchange(client.post().uri(path).contentType(type).body(body));
    }

    public Response multipart(String path, Consumer<MultipartBodyBuilder> parts) {
        MultipartBodyBuilder builder = new MultipartBodyBuilder();
        parts.accept(builder);
        return exchange(client.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(builder.build()));
    }

    public static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private Response exchange(RestClient.RequestHeadersSpec<?> spec) {
        if (authorization != null) {
            spec.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (language != null) {
            spec.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return spec.exchange((request, response) -> new Response(response.getStatusCode().value(),
                response.getHeaders(), response.getBody().readAllBytes()), true);
    }
}
