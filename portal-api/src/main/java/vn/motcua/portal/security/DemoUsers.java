package vn.motcua.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.motcua.engine.administration.ConfiguredUsers;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;

/**
 * The people of the embedded default, for trying the system and for its tests: two citizens, the
 * officials of two Departments of Health (one-stop officer, specialist, leader, and for e-office the clerk
 * and the unit head), an inspector and the administrator. They log in with HTTP Basic and the one
 * password printed in the README. They exist only outside the production profile: a production instance cannot
 * turn them on (and its checklist refuses to start when asked to).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!production")
@ConditionalOnProperty(name = "motcua.security.demo-users.enabled", havingValue = "true")
public class DemoUsers {

    public static final String HANOI = "000.00.16.H26";
    public static final String HCMC = "000.00.16.H29";

    static final List<Identity> PEOPLE = List.of(
            new Identity("citizen-a", "Nguyễn Văn An", Set.of(Role.CITIZEN), null),
            new Identity("citizen-b", "Trần Thị Bình", Set.of(Role.CITIZEN), null),
            new Identity("reception-hn", "Lê Thị Thu (Một cửa Sở Y tế Hà Nội)", Set.of(Role.RECEPTION), HANOI),
            new Identity("specialist-hn", "Phạm Minh Đức (Chuyên viên Sở Y tế Hà Nội)", Set.of(Role.SPECIALIST), HANOI),
            new Identity("leader-hn", "Đặng Quốc Việt (Phó Giám đốc Sở Y tế Hà Nội)", Set.of(Role.LEADER), HANOI),
            new Identity("clerk-hn", "Nguyễn Thị Hoa (Văn thư Sở Y tế Hà Nội)", Set.of(Role.CLERK), HANOI),
            new Identity("unit-head-hn", "Trần Văn Minh (Trưởng phòng Nghiệp vụ Dược, Sở Y tế Hà Nội)",
                    Set.of(Role.UNIT_HEAD), HANOI),
            new Identity("reception-hcm", "Võ Thị Hạnh (Một cửa Sở Y tế Thành phố Hồ Chí Minh)", Set.of(Role.RECEPTION), HCMC),
            new Identity("specialist-hcm", "Huỳnh Văn Tâm (Chuyên viên Sở Y tế Thành phố Hồ Chí Minh)", Set.of(Role.SPECIALIST), HCMC),
            new Identity("leader-hcm", "Bùi Thanh Sơn (Phó Giám đốc Sở Y tế Thành phố Hồ Chí Minh)", Set.of(Role.LEADER), HCMC),
            new Identity("clerk-hcm", "Lâm Thị Ngọc (Văn thư Sở Y tế Thành phố Hồ Chí Minh)", Set.of(Role.CLERK), HCMC),
            new Identity("unit-head-hcm", "Phan Quốc Bảo (Trưởng phòng Nghiệp vụ Dược)",
                    Set.of(Role.UNIT_HEAD), HCMC),
            new Identity("inspector", "Hoàng Văn Kiểm (Thanh tra Sở)", Set.of(Role.INSPECTOR), "THANH-TRA"),
            new Identity("admin", "Quản trị hệ thống", Set.of(Role.ADMIN), null));

    /** The demo users are configured users: who they are is recorded in the audit trail ({@code users}). */
    @Bean
    ConfiguredUsers demoUsersAsConfigured() {
        return () -> PEOPLE;
    }

    @Bean
    UserDetailsService demoUserDetails(@Value("${motcua.security.demo-users.password}") String password) {
        // A low bcrypt cost: the password is public, and HTTP Basic sends it with every request.
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(6).encode(password);
        Map<String, Identity> byId = PEOPLE.stream().collect(Collectors.toMap(Identity::id, Function.identity()));
        return username -> {
            Identity identity = byId.get(username);
            if (identity == null) {
                throw new UsernameNotFoundException(username);
            }
            return new IdentityUser(identity, hash);
        };
    }

    /** How the demo users' passwords are checked (Spring Security's sign-in takes the one password encoder bean). */
    @Bean
    PasswordEncoder demoPasswords() {
        return new RememberedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * A password check that hashes a password with bcrypt once per stored hash and then remembers that it matched.
     * HTTP Basic sends the password with every request, and bcrypt on each one was the biggest single cost of an API
     * call (nearly a third of a submission's request CPU in the {@code http} benchmark) while protecting nothing: the demo
     * password is public. Only passwords that matched are remembered, as the SHA-256 of hash and password (so the set
     * holds one entry per demo password); a wrong password always pays the full bcrypt and is counted by the
     * password-failure limit as before.
     */
    static final class RememberedPasswords implements PasswordEncoder {

        private final PasswordEncoder delegate;
        private final Set<String> matched = ConcurrentHashMap.newKeySet();

        RememberedPasswords(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            if (rawPassword == null || encodedPassword == null) {
                return delegate.matches(rawPassword, encodedPassword);
            }
            String key = sha256(encodedPassword + '\0' + rawPassword);
            if (matched.contains(key)) {
                return true;
            }
            boolean matches = delegate.matches(rawPassword, encodedPassword);
            if (matches) {
                matched.add(key);
            }
            return matches;
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return delegate.upgradeEncoding(encodedPassword);
        }

        private static String sha256(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by the JDK", e);
            }
        }
    }
}
