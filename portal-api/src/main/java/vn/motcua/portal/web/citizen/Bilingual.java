package vn.motcua.portal.web.citizen;

import java.util.Locale;

/**
 * The engine writes its messages "Vietnamese / English" (for applicants and for support staff alike); a page shows
 * the person the half in their language.
 */
final class Bilingual {

    private Bilingual() {
    }

    static String pick(String message, Locale locale) {
        if (message == null) {
            return "";
        }
        int split = message.indexOf(" / ");
        if (split < 0) {
            return message;
        }
        return "en".equals(locale.getLanguage()) ? message.substring(split + 3).strip() : message.substring(0, split).strip();
    }
}
