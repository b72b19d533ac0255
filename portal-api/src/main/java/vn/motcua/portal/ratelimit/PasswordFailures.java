package vn.motcua.portal.ratelimit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts each wrong password (HTTP Basic or the sign-in form; an unknown user name counts the same) against the
 * client's address and the user name tried, so that guessing a password stops after a few tries while the right
 * password of a person who types it keeps working for everyone else.
 */
@Component
class PasswordFailures {

    private final RateLimits limits;

    PasswordFailures(RateLimits limits) {
        this.limits = limits;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            limits.take(LimitedPaths.PASSWORD_FAILURES, RateLimitFilter.key(details.getRemoteAddress(),
                    event.getAuthentication().getName()));
        }
    }
}
