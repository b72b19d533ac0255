package vn.motcua.portal.doors;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.engine.problem.Problem;
import vn.motcua.portal.limits.ControlCharacters;

/**
 * Query and path parameters hold no C0 control character but TAB, CR and LF ({@code ?code=%00}), the rule JSON bodies
 * are held to ({@link ControlCharacters}): such a value is no code, phone number or search a person typed, and
 * PostgreSQL refuses NUL in text. Refused as a 400 naming the parameter before any handler runs.
 */
class RequestTextInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
                if (ControlCharacters.refused(name) || ControlCharacters.refused(value)) {
                    throw refused(name.replaceAll("\\p{Cntrl}", "?"));
                }
            }
        }
        if (ControlCharacters.refused(decoded(request.getRequestURI()))) {
            throw refused("path");
        }
        return true;
    }

    /** Percent-decoded; malformed escapes are left for Spring to judge (they decode to nothing here). */
    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Problem refused(String field) {
        return new Problem(Problem.Kind.INVALID_INPUT, "control-character", "Văn bản chứa ký tự điều khiển",
                "Control character in text", "Tham số không được chứa ký tự điều khiển (như NUL) / A parameter may "
                        + "not contain control characters (such as NUL)", field);
    }
}
