package vn.motcua.process;

import java.util.Objects;

/**
 * One thing wrong with an applicant's form, tied to the field a person has to correct.
 *
 * @param path    the field, written {@code productName} or {@code ingredients[0].name}; empty
 *                for the form as a whole
 * @param message what is wrong, in Vietnamese then English ("… / …"), naming the field by the
 *                label the applicant sees
 */
public record FieldError(String path, String message) {

    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
