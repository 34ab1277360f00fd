package org.gdcert.dsl.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C during a long command: while installed, a shutdown hook sets {@link #cancelled()} and
 * holds the JVM's exit (up to 20 s) until the command calls {@link #release()}, so that runs stop
 * between steps and what was done is still written and reported.
 */
final class CtrlC {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private CtrlC() {
        hook = new Thread(() -> {
            cancelled.set(true);
            try {
                finished.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gdcert-shutdown");
    }

    /** Installs the hook; call {@link #release()} when the command is done (in a finally block). */
    static CtrlC install() {
        CtrlC c = new CtrlC();
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    /** Set once Ctrl-C (or another shutdown) has been requested. */
    AtomicBoolean cancelled() {
        return cancelled;
    }

    /** Lets a pending exit go on and removes the hook. */
    void release() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running
        }
    }
}
