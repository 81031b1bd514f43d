package vn.vneidbridge.operations.bulk;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bulk job's helper threads (the count, the read-ahead, the commit lane): one daemon thread each, named for its
 * work, and a failure on one thrown on the job's thread as it was thrown there.
 */
final class HelperThreads {

    private HelperThreads() {
    }

    /** One daemon thread named {@code name}; shut down, never interrupted (an interrupt closes an embedded H2 file). */
    static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What the helper's work threw: a {@link RuntimeException} or an {@link Error} as it was, anything else wrapped. */
    static RuntimeException rethrown(ExecutionException failed) {
        if (failed.getCause() instanceof RuntimeException failure) {
            return failure;
        }
        if (failed.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failed.getCause());
    }
}
