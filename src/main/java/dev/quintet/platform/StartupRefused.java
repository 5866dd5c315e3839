package dev.quintet.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start that cannot succeed; {@link Analyzer} reports it as one line and a hint, without a stack trace. */
public final class StartupRefused extends RuntimeException {

    private final String action;

    public StartupRefused(String message, String action) {
        super(message);
        this.action = action;
    }

    static final class Analyzer extends AbstractFailureAnalyzer<StartupRefused> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action, cause);
        }
    }
}
