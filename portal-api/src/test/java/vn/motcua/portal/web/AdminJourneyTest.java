package vn.motcua.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.kafka.core.ProducerFactory;

import vn.motcua.engine.calendar.WorkingCalendar;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.publication.EventTopics;
import vn.motcua.portal.support.BrowserJourney;
import vn.motcua.portal.tenant.ComplaintPlatform;

/**
 * The administrator's pages in a real browser: the working-day calendar's announced days (refused without their
 * legal basis, then listed, applied by the calendar and removed), a rebuild followed to its end, a parked event
 * retried before and after its cause is mended, the read-only configuration, and a citizen kept out.
 */
class AdminJourneyTest extends BrowserJourney {

    /** A Wednesday of a year no other test computes deadlines in, so the override moves no one else's dates. */
    private static final LocalDate ANNOUNCED = LocalDate.of(2150, 3, 4);
    private static final int RAISED_LIMIT = 4 * 1024 * 1024;

    @Autowired
    private WorkingCalendar calendar;
    @Autowired
    private ComplaintPlatform.ComplaintDesk desk;
    @Autowired
    private KafkaConnectionDetails kafka;
    @Autowired
    private EventTopics topics;
    @Autowired
    private ProducerFactory<String, byte[]> producers;

    @Test
    void theAdministratorEntersAnAnnouncedDayRebuildsAndLooksAfterTheSystem() {
        signIn("admin");
        open("/admin");
        see("overview");
        assertThat(heading()).isEqualTo("Quản trị hệ thống");
        assertThat(text()).contains("sự kiện bị giữ lại", "Toàn hệ thống", "Dữ liệu đọc so với kho sự kiện");

        // an announced day: first without its legal basis
        click("Ngày nghỉ, ngày làm bù");
        see("holidays");
        assertThat(heading()).startsWith("Ngày nghỉ, ngày làm bù năm ");
        typeDate(ANNOUNCED);
        click(By.id("working-false"));
        click("Lưu ngày này");
        see("holidays-without-basis");
        WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
        WebElement link = summary.findElement(By.linkText("Nêu căn cứ (văn bản thông báo)"));
        assertThat(link.getDomAttribute("href")).isEqualTo("#reason");
        assertThat(browser.findElement(By.id("reason-error")).getText()).isEqualTo("Nêu căn cứ (văn bản thông báo)");
        assertThat(field("day").getDomProperty("value")).as("what was typed stays").isEqualTo(ANNOUNCED.toString());
        assertThat(calendar.isWorkingDay(ANNOUNCED)).as("nothing stored").isTrue();

        // a day the calendar does not serve: the engine's problem, linked to its field
        typeDate(LocalDate.of(2200, 1, 7));
        field("reason").sendKeys("Thông báo 6150/TB-LĐTBXH");
        click("Lưu ngày này");
        see("holidays-year-not-served");
        WebElement refused = browser.findElement(By.cssSelector(".error-summary a"));
        assertThat(refused.getText()).contains("Ngày phải thuộc các năm 1900–2199");
        assertThat(refused.getDomAttribute("href")).isEqualTo("#day");

        // now with its basis
        typeDate(ANNOUNCED);
        click(By.id("working-false"));
        click("Lưu ngày này");
        see("holidays-saved");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/holidays?year=2150");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("Đã lưu: ngày 04/03/2150 là ngày nghỉ. Lịch tính hạn đã áp dụng.");
        String row = browser.findElement(By.xpath("//table[@id='overrides']//tr[.//time[@datetime='2150-03-04']]"))
                .getText();
        assertThat(row).contains("04/03/2150", "ngày nghỉ", "Thông báo 6150/TB-LĐTBXH", "admin");
        assertThat(calendar.isWorkingDay(ANNOUNCED)).as("the deadline calendar applies it").isFalse();

        // replaced: "change" starts the form from what is stored
        click(By.xpath("//table[@id='overrides']//tr[.//time[@datetime='2150-03-04']]//a"));
        see("holidays-change");
        assertThat(field("day").getDomProperty("value")).isEqualTo(ANNOUNCED.toString());
        assertThat(field("reason").getDomProperty("value")).isEqualTo("Thông báo 6150/TB-LĐTBXH");
        assertThat(field("working-false").isSelected()).isTrue();
        click(By.id("working-true"));
        click("Lưu ngày này");
        see("holidays-replaced");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("Đã lưu: ngày 04/03/2150 là ngày làm việc. Lịch tính hạn đã áp dụng.");
        assertThat(browser.findElements(By.xpath("//table[@id='overrides']//tbody/tr"))).hasSize(1);
        assertThat(calendar.isWorkingDay(ANNOUNCED)).isTrue();

        // removed again (the page asks first: the test answers yes)
        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true");
        click(By.xpath("//table[@id='overrides']//tr[.//time[@datetime='2150-03-04']]//button"));
        see("holidays-removed");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("Đã bỏ điều chỉnh của ngày 04/03/2150; theo quy tắc chung, đó là ngày làm việc.");
        assertThat(text()).contains("Năm 2150 chưa có ngày nào được nhập.");
        assertThat(calendar.isWorkingDay(ANNOUNCED)).isTrue();

        // the same page in English
        open("/admin/holidays?year=2150&lang=en");
        see("holidays-in-english");
        assertThat(heading()).isEqualTo("Days off and working days of 2150");
        open("/admin/holidays?lang=vi");

        // a rebuild of the dossiers' index (a dossier in it at least), followed until it is done
        submitted("citizen-b");
        open("/admin/rebuild");
        see("rebuild");
        click(By.id("target-dossiers"));
        click("Bắt đầu dựng lại");
        see("rebuild-started");
        assertThat(heading()).isEqualTo("Tiến độ dựng lại");
        // admin.js follows the run on the page itself, without reloading it
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> "đã xong".equals(
                driver.findElement(By.id("rebuild-state")).getText()));
        assertThat(browser.findElement(By.id("rebuild-progress")).getDomProperty("value")).isEqualTo("100");
        see("rebuild-done-followed");
        eventually(10, () -> text().contains("Kết thúc lúc"));
        see("rebuild-done");
        WebElement bar = browser.findElement(By.id("rebuild-progress"));
        assertThat(bar.getDomAttribute("value")).isEqualTo("100");
        String count = browser.findElement(By.id("rebuild-count")).getText();
        assertThat(count).matches("100 % — \\d+ trên \\d+ sự kiện").doesNotEndWith(" trên 0 sự kiện");
        assertThat(text()).contains("dossiers", "Kết thúc lúc");

        // the check of the read models against the event store, as the API's reconciliation
        open("/admin/rebuild");
        click("Đối chiếu ngay");
        see("reconciled");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).matches("Đã đối chiếu: bổ sung \\d+ bản"
                + " ghi, trong \\d+ ms\\.");

        // read-only configuration
        open("/admin/procedures");
        see("procedures");
        assertThat(text()).contains(COSMETICS, "chỉ để xem");
        open("/admin/users");
        see("users");
        assertThat(text()).contains("citizen-a", "Nguyễn Văn An", "reception-hn", "Bộ phận Một cửa", "chỉ để xem");
        open("/admin/units");
        see("units");
        assertThat(text()).contains(HANOI, "chỉ để xem");
    }

    @Test
    void aParkedEventIsRetriedFromItsPageAndDeliveredOnceMended() throws Exception {
        signIn("admin");
        open("/admin/parked-events");
        see("parked-events");
        assertThat(heading()).isEqualTo("Sự kiện bị giữ lại");

        // a complaint whose first event is larger than the producer's 1 MiB limit (as in PoisonEventTest)
        String id = desk.file(HANOI, "Phan anh ve co so kinh doanh my pham khong ro nguon goc. ".repeat(22_000),
                new Actor("citizen-a", "Nguyễn Văn An", Role.CITIZEN, null));
        By row = By.xpath("//tr[.//code[normalize-space()='" + id + "']]");
        eventually(60, () -> !browser.findElements(row).isEmpty());
        see("parked-event-listed");
        assertThat(browser.findElement(row).getText()).contains("ComplaintReceived", "max.request.size");

        click(browser.findElement(row).findElement(By.tagName("button")));
        see("parked-event-still-parked");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .startsWith("Sự kiện của " + id + " vẫn bị giữ lại (đã thử 2 lần)");

        Map<String, Object> settings = producers.getConfigurationProperties();
        raiseTheLimit();
        try {
            click(browser.findElement(row).findElement(By.tagName("button")));
        } finally {
            restore(settings);
        }
        see("parked-event-delivered");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .isEqualTo("Đã phát hành các sự kiện của " + id + "; không còn gì bị giữ lại.");
        assertThat(browser.findElements(row)).isEmpty();
    }

    @Test
    void aCitizenIsKeptOutOfTheAdministration() {
        signIn("citizen-a");
        openErrorPage("/admin", 403);
        see("not-allowed");
        assertThat(heading()).isEqualTo("Bạn không có quyền thực hiện việc này");
        assertThat(browser.getPageSource()).doesNotContain("Ngày nghỉ, ngày làm bù");
    }

    /** Looks at the page, and at its words: no message key without its text ("??key_vi??"). */
    private void see(String name) {
        look(name);
        assertThat(browser.getPageSource()).as("message keys without text on " + name).doesNotContain("??");
    }

    /** Types a day into the date control (its typing order follows the browser's locale, so set its value). */
    private void typeDate(LocalDate day) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field("day"),
                day.toString());
    }

    /** What an operator does: the topic and the producer take records up to 4 MiB (as in PoisonEventTest). */
    private void raiseTheLimit() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers",
                String.join(",", kafka.getBootstrapServers())))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC,
                    topics.topic(ComplaintPlatform.COMPLAINTS));
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(new ConfigEntry(
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RAISED_LIMIT)),
                    AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
        }
        producers.updateConfigs(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RAISED_LIMIT));
        producers.reset();
    }

    private void restore(Map<String, Object> settings) {
        if (settings.containsKey(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)) {
            producers.updateConfigs(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                    settings.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)));
        } else {
            producers.removeConfig(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        producers.reset();
    }
}
