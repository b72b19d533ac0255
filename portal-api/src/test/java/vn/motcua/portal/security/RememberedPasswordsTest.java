package vn.motcua.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedPasswordsTest {

    private final AtomicInteger hashed = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder passwords = new DemoUsers.RememberedPasswords(new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            hashed.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    });

    @Test
    void aPasswordThatMatchedIsHashedOnceThenRemembered() {
        String hash = passwords.encode("motcua-demo");
        for (int i = 0; i < 5; i++) {
            assertThat(passwords.matches("motcua-demo", hash)).isTrue();
        }
        assertThat(hashed).hasValue(1);
    }

    @Test
    void aWrongPasswordIsHashedEveryTimeAndNeverRemembered() {
        String hash = passwords.encode("motcua-demo");
        assertThat(passwords.matches("motcua-demo", hash)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(passwords.matches("motcua-dem0", hash)).isFalse();
        }
        assertThat(hashed).hasValue(4);
        assertThat(passwords.matches("motcua-demo", passwords.encode("another"))).isFalse();
    }
}
