package vn.motcua.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import vn.motcua.portal.support.BrowserJourney;

/** The front page, signing in and out, and the English switch, in a real browser. */
class SignInJourneyTest extends BrowserJourney {

    @Test
    void aPersonSignsInReadsThePortalInEnglishAndSignsOut() {
        open("/");
        look("home");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
        assertThat(heading()).isEqualTo("Dịch vụ công trực tuyến của Sở Y tế");

        open("/login");
        field("username").sendKeys("citizen-a");
        field("password").sendKeys("not-the-password");
        click(By.cssSelector("form.form button[type=submit]"));
        look("sign-in-refused");
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("Tên đăng nhập hoặc mật khẩu không đúng");

        signIn("citizen-a");
        look("home-signed-in");
        assertThat(browser.findElement(By.cssSelector(".site-header__person")).getText()).isEqualTo("Nguyễn Văn An");
        assertThat(browser.findElement(By.cssSelector(".site-nav")).getText()).contains("Hồ sơ của tôi")
                .doesNotContain("Thanh tra", "Quản trị");

        openErrorPage("/admin", 403);
        look("not-allowed");
        assertThat(heading()).isEqualTo("Bạn không có quyền thực hiện việc này");

        open("/");
        click("English");
        look("home-in-english");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(heading()).isEqualTo("Online public services of the Department of Health");
        openErrorPage("/procedures/unknown-page/here", 404);
        look("page-not-found");
        assertThat(heading()).as("the language is remembered").isEqualTo("Page not found");
        open("/");
        click("Tiếng Việt");
        assertThat(heading()).isEqualTo("Dịch vụ công trực tuyến của Sở Y tế");

        signOut();
        look("signed-out");
        assertThat(browser.findElements(By.cssSelector(".site-header__person"))).isEmpty();
        open("/my/dossiers");
        assertThat(browser.getCurrentUrl()).as("a citizen's page asks to sign in").endsWith("/login");
    }
}
