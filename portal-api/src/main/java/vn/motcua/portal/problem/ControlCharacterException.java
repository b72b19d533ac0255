package vn.motcua.portal.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON text value or key carrying a C0 control character other than TAB, CR or LF ({@code "a\u0000b"}). Such text
 * is no name, reason or comment a person typed; PostgreSQL refuses NUL in text outright. Jackson keeps the path to
 * the value on it, and the problem names that field. Lives with the problems (not with the limits) so that the
 * handler needs nothing from the limits.
 */
public class ControlCharacterException extends MismatchedInputException {

    public ControlCharacterException(JsonParser parser, Class<?> target) {
        super(parser, "Văn bản chứa ký tự điều khiển / Text contains a control character", target);
    }
}
