package vn.motcua.portal.limits;

import java.io.IOException;

import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import vn.motcua.engine.problem.Problem;
import vn.motcua.portal.problem.BodyTooLargeException;

/**
 * The multipart resolver, with one more rule: a part that is not a file (the JSON of a dossier, its form, a
 * document's metadata) is at most {@code motcua.limits.json-part}. The whole form of a submission therefore stays
 * far below the 1 MB a Kafka record may carry, whatever the form's schema allows.
 */
public class JsonPartLimit extends StandardServletMultipartResolver {

    private final DataSize limit;

    public JsonPartLimit(DataSize limit) {
        this.limit = limit;
    }

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) throws MultipartException {
        MultipartHttpServletRequest resolved = super.resolveMultipart(request);
        try {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() == null && part.getSize() > limit.toBytes()) {
                    throw new Problem(Problem.Kind.TOO_LARGE, "part-too-large", "Phần dữ liệu quá lớn",
                            "Part too large", "Phần '" + part.getName() + "' vượt quá "
                                    + BodyTooLargeException.describe(limit) + " / Part '" + part.getName()
                                    + "' exceeds " + BodyTooLargeException.describe(limit), part.getName());
                }
            }
        } catch (IOException | ServletException e) {
            throw new MultipartException("Failed to read the parts", e);
        }
        return resolved;
    }
}
