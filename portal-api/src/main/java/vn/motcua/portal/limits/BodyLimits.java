package vn.motcua.portal.limits;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How large a request body may be, door by door ({@code motcua.limits}): every body not named is small (JSON),
 * the doors that take files name their own cap, and a multipart part that is not a file (the JSON of a dossier or a
 * document) is as small as a JSON body, so that no event made from it nears the Kafka producer's 1 MB.
 *
 * @param defaultBody any request body whose door is not listed
 * @param jsonPart    a multipart part without a file name
 * @param doors       the doors with a cap of their own, the first that matches wins
 */
@ConfigurationProperties(prefix = "motcua.limits")
public record BodyLimits(@DefaultValue("256KB") DataSize defaultBody, @DefaultValue("256KB") DataSize jsonPart,
                         @DefaultValue List<Door> doors) {

    /** A method and a path pattern ({@code *} one segment), with its body cap. */
    public record Door(String method, String path, DataSize maxBody) {

        private static final PathPatternParser PARSER = new PathPatternParser();

        PathPattern pattern() {
            return PARSER.parse(path);
        }
    }

    /** The cap of the body of {@code method path}. */
    public DataSize of(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Door door : doors) {
            if (door.method().equalsIgnoreCase(method) && door.pattern().matches(container)) {
                return door.maxBody();
            }
        }
        return defaultBody;
    }
}
