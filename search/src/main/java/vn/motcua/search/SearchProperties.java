package vn.motcua.search;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where search runs. By default an Elasticsearch node runs inside the application with its data under
 * {@code ${motcua.data-dir}/elasticsearch}; in production ({@code embedded: false}) the application
 * connects to an external cluster.
 *
 * @param embedded      run the embedded node (default {@code true})
 * @param uris          the external cluster's nodes, e.g. {@code https://es1:9200,https://es2:9200}
 * @param username      basic-auth user, optional
 * @param password      basic-auth password, optional
 * @param caCertificate PEM file of the CA (or certificates) to trust for {@code https} URIs, optional;
 *                      without it the JVM's default trust store is used
 */
@ConfigurationProperties(prefix = "motcua.elasticsearch")
public record SearchProperties(@DefaultValue("true") boolean embedded, List<URI> uris, String username,
                               String password, Path caCertificate) {

    public SearchProperties {
        uris = uris == null ? List.of() : List.copyOf(uris);
    }
}
