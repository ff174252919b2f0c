package io.reserva.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A second start on the same data directory is an operator's slip, not a bug: it is reported as what happened and
 * what to do, without a stack trace. Registered in {@code META-INF/spring.factories}.
 */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the other process, or start this one with RESERVA_DATA_DIR set to another directory.",
                cause);
    }
}
