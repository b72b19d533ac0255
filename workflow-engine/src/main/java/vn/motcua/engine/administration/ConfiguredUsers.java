package vn.motcua.engine.administration;

import java.util.List;

import vn.motcua.engine.identity.Identity;

/**
 * The users a deployment's configuration defines (the embedded default's demo users), recorded at start as the
 * {@code users} administration record. Users who sign in through OIDC are defined, and their changes audited, by
 * the identity provider; none of them is listed here.
 */
@FunctionalInterface
public interface ConfiguredUsers {

    List<Identity> users();
}
