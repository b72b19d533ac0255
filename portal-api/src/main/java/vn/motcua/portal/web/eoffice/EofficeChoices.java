package vn.motcua.portal.web.eoffice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.motcua.engine.administration.ConfiguredUsers;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;

/**
 * What the e-office pages offer to choose from and how they write dates: the configured units (lead and supporting
 * units of an instruction), the leaders and specialists of a unit as the deployment lists them (the leader a clerk
 * presents to, the handler a unit head assigns). Only the choices: whether a choice is allowed stays the workflow's
 * and the aggregate's to decide (Decree 30/2020/ND-CP Art. 23–24), the page shows their refusal.
 */
@Component
public class EofficeChoices {

    /** How a person types a date on these pages: ngày/tháng/năm. */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");

    private final MotcuaProperties properties;
    private final ObjectProvider<ConfiguredUsers> users;
    private final java.time.Clock clock;

    public EofficeChoices(MotcuaProperties properties, ObjectProvider<ConfiguredUsers> users, java.time.Clock clock) {
        this.properties = properties;
        this.users = users;
        this.clock = clock;
    }

    /** One option of a list: its value and what a person reads. */
    public record Option(String value, String label) {
    }

    public List<Option> units() {
        return properties.units().stream().map(unit -> new Option(unit.id(), unit.name())).toList();
    }

    public String unitName(String unitId) {
        return unitId == null ? null : properties.unit(unitId).map(MotcuaProperties.OrgUnit::name).orElse(unitId);
    }

    /** The officials of the unit listed in the role, by name. */
    public List<Option> officials(String unitId, Role role) {
        return users.orderedStream().flatMap(list -> list.users().stream())
                .filter(person -> person.has(role) && unitId != null && unitId.equals(person.unitId()))
                .sorted(Comparator.comparing(Identity::name))
                .map(person -> new Option(person.id(), person.name())).distinct().toList();
    }

    public String officialName(String id) {
        return users.orderedStream().flatMap(list -> list.users().stream()).filter(person -> person.id().equals(id))
                .map(Identity::name).findFirst().orElse(id);
    }

    /** The colour of a status tag: done green, waiting on someone outside amber, ended otherwise grey. */
    public String tag(vn.motcua.eoffice.document.DocumentStatus status) {
        if (status == null) {
            return "tag--grey";
        }
        return switch (status) {
            case ISSUED, CLOSED -> "tag--ok";
            case RETURNED, RECEIVED -> "tag--warn";
            case SENT_BACK, RECALLED -> "tag--bad";
            case ARCHIVED -> "tag--grey";
            default -> "";
        };
    }

    /** The colour of a task's deadline (the inbox's: on time, due soon, overdue). */
    public String deadlineTag(vn.motcua.engine.platform.task.TaskItem.Deadline deadline) {
        if (deadline == null) {
            return "tag--grey";
        }
        return switch (deadline) {
            case ON_TIME -> "tag--ok";
            case DUE_SOON -> "tag--warn";
            case OVERDUE -> "tag--bad";
        };
    }

    public String date(LocalDate date) {
        return date == null ? null : SHOWN.format(date);
    }

    public String time(Instant at) {
        return at == null ? null : SHOWN_TIME.format(at.atZone(properties.zone()));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** A date typed as ngày/tháng/năm; null when blank; {@link DateTimeParseException} when it is no date. */
    static LocalDate parseDate(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return LocalDate.parse(typed.strip().replace('-', '/').replace('.', '/'), DAY);
    }

    /** A text the engine writes in both languages ("Việt / English"), in the language of the page being drawn. */
    public String words(String text) {
        return inLanguage(text, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** The part of a problem's bilingual text ("Việt / English") in the person's language. */
    static String inLanguage(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        int split = text.indexOf(" / ");
        if (split < 0) {
            return text;
        }
        return "en".equals(locale.getLanguage()) ? text.substring(split + 3) : text.substring(0, split);
    }

    /** What a refusal says to the person: its title and its detail, in their language. */
    static String describe(Problem problem, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        String title = english ? problem.titleEn() : problem.titleVi();
        String detail = inLanguage(problem.getMessage(), locale);
        if (title == null || title.isBlank() || (detail != null && detail.contains(title))) {
            return detail;
        }
        return detail == null || detail.isBlank() ? title : title + ": " + detail;
    }
}
