package vn.motcua.portal.demo;

import java.util.List;

/**
 * Whether this instance runs with what only the embedded default has — the demo users (one public password) and
 * the dev PKI (public key password, a CA of its own) — so that every answer can say "demo" (issue 12). A production
 * instance never has either: its profile cannot create them and its checklist refuses to start when asked to.
 *
 * @param parts which of them are on: {@code demo-users}, {@code dev-pki}
 */
public record DemoMode(List<String> parts) {

    public static final String HEADER = "X-Motcua-Demo";

    public static final String WARNING = "BẢN CHẠY THỬ: người dùng thử có mật khẩu công khai và khoá ký của PKI thử"
            + " nghiệm; không dùng cho hồ sơ thật. / DEMO: demo users with a public password and dev PKI keys; not for"
            + " real dossiers.";

    public DemoMode {
        parts = List.copyOf(parts);
    }

    public boolean on() {
        return !parts.isEmpty();
    }
}
