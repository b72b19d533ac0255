package vn.motcua.engine.audit.verify;

import java.util.List;

/** The outcome of a verification: VALID only if no finding is a failure. */
public record Report(boolean valid, long eventsChecked, long checkpointsChecked, List<EventStatus> events,
                     List<CheckpointVerifier.Result> checkpoints, List<Finding> findings) {

    public Report {
        events = List.copyOf(events);
        checkpoints = List.copyOf(checkpoints);
        findings = List.copyOf(findings);
    }

    public List<Finding> failures() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.FAIL).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.WARN).toList();
    }
}
