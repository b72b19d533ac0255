/**
 * The forms of the one-stop mechanism, Circular 01/2018/TT-VPCP Mẫu 01–06, rendered as PDF: receipt and
 * appointment, supplement request, refusal, apology with a new date, the process control form and the
 * dossier register (also as CSV). The public API is {@link vn.motcua.eoffice.forms.DossierForms}, which fills
 * them from a dossier's events, {@link vn.motcua.eoffice.forms.OneStopForms} and the records it renders, and
 * {@link vn.motcua.eoffice.forms.SignedForms}, which issues them signed by the agency and keeps each signed copy;
 * page layout, fonts and QR codes are package-private.
 *
 * <p>Every PDF embeds a subset of Liberation Serif (SIL Open Font License 1.1, metric-compatible with
 * Times New Roman, covering every Vietnamese glyph), so a form prints the same on any machine; the
 * font files and their licence sit in {@code src/main/resources/fonts/}.
 */
package vn.motcua.eoffice.forms;
