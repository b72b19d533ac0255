package vn.motcua.portal.web.admin;

import java.util.Locale;

/**
 * The engine words its problems "tiếng Việt / English" in one string (the API answers both); a page shows the half
 * of the person's language.
 */
final class Bilingual {

    private static final String SEPARATOR = " / ";

    private Bilingual() {
    }

    static String pick(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        int at = text.lastIndexOf(SEPARATOR);
        if (at < 0) {
            return text;
        }
        return "en".equals(locale.getLanguage()) ? text.substring(at + SEPARATOR.length()).trim()
                : text.substring(0, at).trim();
    }
}
