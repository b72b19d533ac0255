package vn.motcua.portal.web.citizen;

import java.io.Serializable;

/** One thing to correct: the id of the control at fault (the error summary links to it) and what is wrong. */
public record FieldProblem(String id, String message) implements Serializable {
}
