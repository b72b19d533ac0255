package vn.motcua.portal.api;

import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;

/** Who is signed in, however they signed in (browser session, bearer token, demo HTTP Basic): for pages' headers. */
@RestController
@Tag(name = "Tài khoản / Account")
public class MeController {

    public record Me(String id, String name, Set<Role> roles, String unitId) {
    }

    @Operation(summary = "Người đang đăng nhập / Who am I")
    @GetMapping("/api/v1/me")
    public Me me(@Parameter(hidden = true) Identity who) {
        return new Me(who.id(), who.name(), who.roles(), who.unitId());
    }
}
