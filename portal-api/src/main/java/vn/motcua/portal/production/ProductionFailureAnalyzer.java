package vn.motcua.portal.production;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a refused production start as Spring Boot's "APPLICATION FAILED TO START", without a stack trace and
 * without repeating the list, which the application's one start-failure line carries (MotcuaApplication).
 */
public class ProductionFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionConfiguration> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionConfiguration cause) {
        int problems = cause.findings().size();
        return new FailureAnalysis("Cấu hình production bị từ chối: " + problems + " lỗi, liệt kê ở dòng lỗi bên dưới"
                + " / The production configuration was refused: " + problems + " problems, listed in the error line"
                + " below",
                "Đặt hoặc sửa các biến trên (deploy/motcua.env.example) / Set or correct the settings above"
                        + " (deploy/motcua.env.example)", cause);
    }
}
