package vn.motcua.portal.production;

import java.util.List;

/** The production profile was started without what it needs, or with what it must not have: every problem at once. */
public final class UnsafeProductionConfiguration extends RuntimeException {

    private final transient List<ProductionChecklist.Finding> findings;

    public UnsafeProductionConfiguration(List<ProductionChecklist.Finding> findings) {
        super(message(findings));
        this.findings = List.copyOf(findings);
    }

    public List<ProductionChecklist.Finding> findings() {
        return findings;
    }

    private static String message(List<ProductionChecklist.Finding> findings) {
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; i < findings.size(); i++) {
            numbered.append(System.lineSeparator()).append("  ").append(i + 1).append(". ")
                    .append(findings.get(i).line());
        }
        return "Cấu hình production thiếu hoặc không an toàn, không kết nối tới đâu cả (" + findings.size()
                + " lỗi) / The production configuration is missing or unsafe, nothing was connected (" + findings.size()
                + " problems); docs/security.md, \"Production checklist\":" + numbered;
    }
}
