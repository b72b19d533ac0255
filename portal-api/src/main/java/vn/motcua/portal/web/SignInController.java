package vn.motcua.portal.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: the agency's OIDC provider when one is configured (production), and the password form of the
 * embedded demo users when they are on (never in production). Spring Security checks the form it posts.
 */
@Controller
public class SignInController {

    /** One way of signing in with the agency's provider: its name and where its authorization code flow starts. */
    public record Provider(String name, String url) {
    }

    private final ObjectProvider<UserDetailsService> demoUsers;
    private final ObjectProvider<ClientRegistrationRepository> registrations;

    public SignInController(ObjectProvider<UserDetailsService> demoUsers,
                            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.demoUsers = demoUsers;
        this.registrations = registrations;
    }

    @GetMapping("/login")
    public String signIn(Model model) {
        model.addAttribute("passwordForm", demoUsers.getIfAvailable() != null);
        model.addAttribute("providers", providers());
        return "login";
    }

    private List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object each : all) {
                ClientRegistration registration = (ClientRegistration) each;
                providers.add(new Provider(registration.getClientName(),
                        "/oauth2/authorization/" + registration.getRegistrationId()));
            }
        }
        return providers;
    }
}
