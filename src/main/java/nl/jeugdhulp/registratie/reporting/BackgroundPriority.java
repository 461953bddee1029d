package nl.jeugdhulp.registratie.reporting;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority ("nice" value) of the calling thread on Linux, so that the report's heavy work
 * (counting every table, the Monte Carlo tests) gives way to saves and page views whenever the cores are busy,
 * and still uses them fully when they are idle. Under the load test the report otherwise took a core from the
 * interactive requests for most of a second at a time (docs/performance.md, "Load test").
 *
 * <p>Java's {@code Thread.setPriority} does nothing on Linux unless the JVM is started with extra flags;
 * {@code setpriority(2)} on the thread's own id does, and raising a nice value needs no privilege. On other
 * systems, or if the C library cannot be called, the thread keeps its priority and this says so once.
 */
final class BackgroundPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0; // with a thread id as "who": that one thread (Linux)
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static volatile boolean warned;

    private BackgroundPriority() {
    }

    /**
     * Sets the calling thread's nice value (0 normal, up to 19 lowest priority).
     *
     * @return whether it was set
     */
    static boolean lowerCurrentThread(int nice) {
        if (nice <= 0) {
            return false;
        }
        if (!Platform.isLinux()) {
            warnOnce("only Linux has per-thread nice values", null);
            return false;
        }
        try {
            OptionalInt tid = currentThreadId();
            if (tid.isEmpty()) {
                warnOnce("/proc/thread-self is not readable", null);
                return false;
            }
            if (LibC.setpriority(PRIO_PROCESS, tid.getAsInt(), Math.min(nice, 19)) != 0) {
                warnOnce("setpriority failed, errno " + Native.getLastError(), null);
                return false;
            }
            return true;
        } catch (LinkageError | RuntimeException e) {
            warnOnce("the C library could not be called", e);
            return false;
        }
    }

    /** The calling thread's nice value as Linux reports it, or empty elsewhere. */
    static OptionalInt currentNice() {
        try {
            String stat = Files.readString(THREAD_SELF.resolve("stat"));
            // Fields after the command name (which may hold spaces) start at the third field, "state".
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(fields[16])); // field 19 of proc(5): nice
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** The kernel's id of the calling thread ({@code /proc/thread-self} links to {@code <pid>/task/<tid>}). */
    private static OptionalInt currentThreadId() {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readSymbolicLink(THREAD_SELF).getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static void warnOnce(String why, Throwable cause) {
        if (!warned) {
            warned = true;
            log.warn("Report threads keep their normal CPU priority: {}", why, cause);
        }
    }

    /** JNA direct mapping, registered on first use so that a missing library surfaces as a LinkageError here. */
    private static final class LibC {
        static {
            Native.register(Platform.C_LIBRARY_NAME);
        }

        static native int setpriority(int which, int who, int prio);
    }
}
