package vn.motcua.engine.audit.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.motcua.engine.audit.crypto.Certificates;
import vn.motcua.engine.audit.verify.AuditPackage;
import vn.motcua.engine.audit.verify.CheckpointVerifier;
import vn.motcua.engine.audit.verify.EventStatus;
import vn.motcua.engine.audit.verify.Finding;
import vn.motcua.engine.audit.verify.PackageVerifier;
import vn.motcua.engine.audit.verify.Report;
import vn.motcua.engine.audit.verify.StoreSweep;

/**
 * {@code motcua-verify}: the offline verifier of the signed audit trail, runnable as a jar
 * ({@code java -jar motcua-verifier.jar --help}). It checks the audit package of a dossier or a document, or sweeps a whole
 * event store over JDBC, and prints VALID or each event that fails and why. Exit code 0: valid; 1: invalid;
 * 2: the verification could not run (bad arguments, unreadable file, no database).
 */
@Command(name = "motcua-verify", mixinStandardHelpOptions = true, version = "motcua-verify 1 (motcua-audit-package/1)",
        description = "Verifies motcua's signed audit trail offline: per-event signatures (RFC 8785 canonical "
                + "bytes), hash chains, certificates at signing time, RFC 3161 time-stamped checkpoints and "
                + "RFC 9162 Merkle proofs.",
        subcommands = {VerifierCli.PackageCommand.class, VerifierCli.StoreCommand.class, CommandLine.HelpCommand.class})
public final class VerifierCli implements Callable<Integer> {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ERROR;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with its output going to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new VerifierCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            err.println("ERROR " + e.getMessage());
            return ERROR;
        });
        return commandLine.execute(args);
    }

    abstract static class Common {
        @Option(names = "--trust-anchor", paramLabel = "PEM",
                description = "Root CA certificate(s) obtained independently (PEM). Required for packages; for a "
                        + "store sweep the stored roots are used, with a warning, when none is given.")
        List<Path> trustAnchors = new ArrayList<>();

        @Option(names = "--log-signer", paramLabel = "CN", defaultValue = CheckpointVerifier.DEFAULT_LOG_SIGNER,
                description = "Subject CN of the audit log's checkpoint certificate (default: ${DEFAULT-VALUE}).")
        String logSigner;

        @Option(names = {"-v", "--verbose"}, description = "Also print warnings and every event's status.")
        boolean verbose;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        List<X509Certificate> anchors() throws Exception {
            List<X509Certificate> anchors = new ArrayList<>();
            for (Path path : trustAnchors) {
                anchors.addAll(Certificates.parsePem(Files.readString(path)));
            }
            return anchors;
        }

        int print(Report report, String what) {
            PrintWriter out = spec.commandLine().getOut();
            for (Finding finding : report.findings()) {
                if (finding.severity() == Finding.Severity.FAIL || verbose) {
                    out.println(finding.describe());
                }
            }
            if (verbose) {
                for (EventStatus event : report.events()) {
                    out.printf("%s seq %d %s %s by %s%n", event.status(), event.sequence(), event.type(),
                            event.eventId(), event.actorId());
                }
            }
            if (report.valid()) {
                out.printf("VALID %s: %d events, %d checkpoints, %d warnings%n", what, report.eventsChecked(),
                        report.checkpointsChecked(), report.warnings().size());
                return VALID;
            }
            out.printf("INVALID %s: %d failures (%d events, %d checkpoints checked)%n", what, report.failures().size(),
                    report.eventsChecked(), report.checkpointsChecked());
            return INVALID;
        }
    }

    @Command(name = "package", mixinStandardHelpOptions = true,
            description = "Verify the audit package of a dossier or an official document (the JSON file exported by"
                    + " the inspector API).")
    static final class PackageCommand extends Common implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The audit package (motcua-audit-package/1 JSON).")
        Path file;

        @Override
        public Integer call() throws Exception {
            List<X509Certificate> anchors = anchors();
            if (anchors.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "a package is verified against a root CA certificate of your own: give --trust-anchor");
            }
            AuditPackage pack;
            try (InputStream in = Files.newInputStream(file)) {
                pack = AuditPackage.read(in);
            } catch (Exception e) {
                spec.commandLine().getOut().println("INVALID " + file + ": not a readable audit package: " + e.getMessage());
                return INVALID;
            }
            Report report;
            try {
                report = PackageVerifier.verify(pack, anchors, logSigner);
            } catch (RuntimeException e) {
                spec.commandLine().getOut().println("INVALID " + file + ": malformed package: " + e);
                return INVALID;
            }
            return print(report, "package of " + (pack.aggregateType() == null ? "dossier" : pack.aggregateType()) + " "
                    + pack.aggregateId());
        }
    }

    @Command(name = "store", mixinStandardHelpOptions = true,
            description = "Sweep a whole event store over JDBC (read only, one consistent snapshot).")
    static final class StoreCommand extends Common implements Callable<Integer> {

        @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
                description = "e.g. jdbc:postgresql://db:5432/motcua")
        String url;

        @Option(names = "--user", paramLabel = "NAME")
        String user;

        @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = "MOTCUA_DB_PASSWORD",
                description = "Environment variable holding the password (default: ${DEFAULT-VALUE}).")
        String passwordVariable;

        @Option(names = "--quiet", description = "No progress on standard error.")
        boolean quiet;

        @Override
        public Integer call() throws Exception {
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            String password = System.getenv(passwordVariable);
            if (password != null) {
                properties.setProperty("password", password);
            }
            PrintWriter err = spec.commandLine().getErr();
            StoreSweep.Progress progress = quiet ? null : (phase, done, total, rate) ->
                    err.printf("%s: %,d / %,d (%,.0f/s)%n", phase, done, total, rate);
            try (Connection connection = DriverManager.getConnection(url, properties)) {
                Report report = new StoreSweep(connection, anchors(), logSigner, progress).run();
                return print(report, "event store " + url);
            }
        }
    }
}
