package vn.motcua.portal.support;

import java.io.PrintWriter;
import java.io.StringWriter;

import vn.motcua.engine.audit.cli.VerifierCli;

/** The inspector's offline verifier (the {@code motcua-verifier} command line), run in the test's JVM. */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    /** Its exit code and everything it printed. */
    public record Run(int exit, String out) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VerifierCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out + err.toString());
    }
}
