package vn.motcua.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: what the portal offers, and for a signed-in person the way to their own work. */
@Controller
public class HomeController {

    @GetMapping("/")
    public String home() {
        return "home";
    }
}
