package vn.motcua.portal.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import vn.motcua.engine.document.BoundedPdf;
import vn.motcua.engine.problem.Problem;

/**
 * How the pages answer with a PDF that their controller has already checked the person may see: the file itself
 * (opened in the browser or downloaded), and its first pages as images for the preview on a dossier's or document's
 * page. Images rather than the PDF in a frame: Chromium's own PDF viewer inside a frame is refused by the site's
 * Content-Security-Policy ({@code default-src 'self'}), and phones often show no PDF in a frame at all. Every PDF is
 * read through {@link BoundedPdf}, with the limits of every other door.
 */
@Component
public class PdfAnswers {

    /** The most pages a preview shows; the whole document is one click away. */
    public static final int PREVIEW_PAGES = 5;

    /**
     * The policy of a PDF answer: only this site may frame it. The site's own policy would stop the browser's PDF
     * viewer, which the PDF document embeds, from opening; Spring Security keeps a policy the response already has.
     * A PDF served as application/pdf with nosniff runs no script of this site.
     */
    private static final String PDF_POLICY = "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    private final BoundedPdf pdfs;

    public PdfAnswers(BoundedPdf pdfs) {
        this.pdfs = pdfs;
    }

    /** The PDF, opened in the browser's viewer or, with {@code download}, saved under {@code fileName}. */
    public ResponseEntity<byte[]> file(byte[] pdf, String fileName, boolean download) {
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(fileName, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("Content-Security-Policy", PDF_POLICY).body(pdf);
    }

    /** How many pages the preview shows: 0 if the PDF cannot be read (its download still offers it). */
    public int previewPages(byte[] pdf) {
        try {
            return Math.min(pdfs.read(pdf, "file", PDDocument::getNumberOfPages), PREVIEW_PAGES);
        } catch (Problem unreadable) {
            return 0;
        }
    }

    /** Page {@code page} (from 1, at most {@link #PREVIEW_PAGES}) as a PNG image; another page is not found. */
    public ResponseEntity<byte[]> pageImage(byte[] pdf, int page) {
        byte[] png = pdfs.read(pdf, "file", document -> {
            if (page < 1 || page > Math.min(document.getNumberOfPages(), PREVIEW_PAGES)) {
                throw Problem.notFound("page", "Tài liệu không có trang " + page + " / The document has no page " + page);
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, 110, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(image, "png", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }
}
