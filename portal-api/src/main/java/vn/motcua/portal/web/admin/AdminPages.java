package vn.motcua.portal.web.admin;

import java.time.ZoneId;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.motcua.engine.calendar.WorkingCalendar;

/**
 * What every administrator's page needs: the zone of legal time (Asia/Ho_Chi_Minh), in which the moments the engine
 * keeps (deployments, overrides, parked events, rebuilds) are shown, whatever the server's own zone.
 */
@ControllerAdvice(basePackageClasses = AdminPages.class)
public class AdminPages {

    private final WorkingCalendar calendar;

    public AdminPages(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @ModelAttribute("zone")
    public ZoneId zone() {
        return calendar.zone();
    }
}
