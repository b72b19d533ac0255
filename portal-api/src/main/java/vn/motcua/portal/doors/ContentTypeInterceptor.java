package vn.motcua.portal.doors;

import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A {@code Content-Type} names the type of the body sent: a wildcard ({@code *}{@code /*}, {@code application/*}) names
 * none (RFC 9110 §8.3) and is refused with 415. Spring MVC's request headers refuse it with an
 * {@code IllegalArgumentException} when a handler reads the body, which would otherwise be a 500.
 */
class ContentTypeInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        String header = request.getContentType();
        if (header == null) {
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return true; // Spring answers a malformed content type with its own 415
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON,
                    MediaType.MULTIPART_FORM_DATA), org.springframework.http.HttpMethod.valueOf(request.getMethod()));
        }
        return true;
    }
}
