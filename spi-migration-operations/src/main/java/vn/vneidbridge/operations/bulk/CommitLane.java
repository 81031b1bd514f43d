package vn.vneidbridge.operations.bulk;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A bulk job's commits, one at a time on a thread of their own, so that a page is committed while the next one is
 * asked. A commit is handed over only once the one before was waited for ({@link #await}), and a commit's failure is
 * thrown by that wait as it was thrown: the run ends before any later commit, and the next run resumes from the
 * cursor last committed. The thread is never interrupted (an interrupt closes an embedded H2 database's file). The
 * end of a run ({@link #awaitToTheEnd}) waits for the commit in flight however often the job's thread is interrupted,
 * so the lease is given back only after it.
 */
final class CommitLane implements AutoCloseable {

    private final String threadName;
    private ExecutorService thread;
    private Future<Map<String, String>> inFlight;

    CommitLane(String threadName) {
        this.threadName = threadName;
    }

    /** Whether a commit was handed over and not yet waited for. */
    boolean busy() {
        return inFlight != null;
    }

    /** Hands a commit over; the one before must have been waited for. */
    void submit(Callable<Map<String, String>> commit) {
        if (inFlight != null) {
            throw new IllegalStateException("a commit is in flight: wait for it first");
        }
        if (thread == null) {
            thread = HelperThreads.single(threadName);
        }
        inFlight = thread.submit(commit);
    }

    /**
     * Waits for the commit in flight: what it returned (empty when none was in flight), or its failure, thrown as it
     * was thrown. When interrupted, the commit is still in flight (and still waited for at the end).
     */
    Map<String, String> await() throws InterruptedException {
        if (inFlight == null) {
            return Map.of();
        }
        try {
            Map<String, String> done = inFlight.get();
            inFlight = null;
            return done;
        } catch (ExecutionException e) {
            inFlight = null;
            throw HelperThreads.rethrown(e);
        }
    }

    /**
     * Waits for the commit in flight at the end of a run, interrupted or not (the thread's interrupt is kept as it
     * was); its failure is returned, never thrown.
     */
    Optional<Throwable> awaitToTheEnd() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    await();
                    return Optional.empty();
                } catch (InterruptedException e) {
                    interrupted = true; // the commit ends on its own: it is never interrupted
                } catch (RuntimeException | Error e) {
                    return Optional.of(e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ends the thread (after {@link #awaitToTheEnd}: nothing is in flight then). */
    @Override
    public void close() {
        if (thread != null) {
            thread.shutdown();
            thread = null;
        }
    }
}
