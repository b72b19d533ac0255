package vn.motcua.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.http.HttpStatus;

/**
 * An address in one of the web front's areas that no page answers: the "page not found" page, in the person's
 * language (every more specific page's mapping wins over these patterns); and the "not allowed" page that the
 * browser's security chain shows for a page of another role's area.
 */
@Controller
public class UnknownPages {

    @RequestMapping({"/procedures/**", "/my/**", "/work/**", "/eoffice/**", "/dashboard/**", "/audit/**",
            "/admin/**", "/lookup/**", "/verify/**"})
    public ModelAndView notFound() {
        return WebErrors.page(HttpStatus.NOT_FOUND, null, null);
    }

    @RequestMapping("/denied")
    public ModelAndView denied() {
        return WebErrors.page(HttpStatus.FORBIDDEN, null, null);
    }
}
