package vn.motcua.portal.doors;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A write (POST, PUT, PATCH, DELETE) whose {@code Accept} admits none of what its handler answers is refused with 406
 * before the handler runs. Spring MVC negotiates the answer's type only after the handler has returned: the step
 * would be recorded and the caller told "refused" (RFC 9110 §12.5.1 lets a server refuse; it must not do both).
 * What a handler answers is its declared {@code produces}, or JSON ({@code application/json} and
 * {@code application/*+json}) when none is declared; a handler that answers no body accepts any {@code Accept}. A
 * missing {@code Accept} or {@code *}{@code /*} admits everything; a range with {@code q=0} admits nothing.
 */
class AcceptBeforeWriteInterceptor implements HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));

    @Override
    @SuppressWarnings("unchecked")
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method) || !WRITES.contains(request.getMethod())
                || answersNoBody(method.getReturnType())) {
            return true;
        }
        List<String> headers = Collections.list(request.getHeaders("Accept"));
        if (headers.isEmpty()) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(headers);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("Accept không đọc được / Unreadable Accept header");
        }
        Set<MediaType> declared = (Set<MediaType>) request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        List<MediaType> produced = declared == null || declared.isEmpty() ? JSON : List.copyOf(declared);
        boolean admitted = accepted.stream().filter(range -> range.getQualityValue() > 0)
                .anyMatch(range -> produced.stream().anyMatch(range::isCompatibleWith));
        if (!admitted) {
            throw new HttpMediaTypeNotAcceptableException(produced);
        }
        return true;
    }

    private static boolean answersNoBody(MethodParameter returned) {
        Class<?> type = returned.getParameterType();
        if (type == void.class || type == Void.class) {
            return true;
        }
        return ResponseEntity.class.isAssignableFrom(type)
                && ResolvableType.forMethodParameter(returned).getGeneric(0).resolve() == Void.class;
    }
}
