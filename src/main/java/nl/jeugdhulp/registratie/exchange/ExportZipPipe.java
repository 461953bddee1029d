package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP of the export written on a second thread: the request thread reads and formats the rows and
 * hands over filled buffers; this thread deflates them and writes the result to the client. On the
 * two-core machine PostgreSQL, the formatting and the deflater then run at the same time instead of
 * the deflater and the socket writes stopping the reading of the rows (docs/performance.md, export,
 * fifth round).
 *
 * <p>Bounded: at most {@value #BUFFERS} buffers of {@value #BUFFER} bytes exist, so the request thread
 * waits when the client or the deflater is slower. The entries, their order and every byte of the ZIP
 * are the same as when the request thread writes them itself.
 *
 * <p>Failures: the first {@link IOException} of the ZIP thread (the client went away) is thrown, the
 * same instance, by the request thread's next call here; the ZIP thread then drops whatever still
 * comes. {@link #finish} and {@link #flushAndWait} wait for the ZIP thread, so when they return without
 * an exception everything before them has reached the client's stream.
 */
final class ExportZipPipe extends OutputStream {

    static final int BUFFER = 64 * 1024;
    private static final int BUFFERS = 4;

    /** What the ZIP thread does next: data, or one of the operations below. */
    private record Step(byte[] data, int length, String entry, Operation operation) {
    }

    private enum Operation { DATA, ENTRY, CLOSE_ENTRY, FLUSH, FINISH, STOP }

    private final ZipOutputStream zip;
    private final OutputStream client;
    private final BlockingQueue<Step> steps = new ArrayBlockingQueue<>(BUFFERS + 4);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    /** Signals a FLUSH or FINISH step done (or dropped after a failure): what the request thread waits for. */
    private final BlockingQueue<Boolean> done = new ArrayBlockingQueue<>(1);
    private final Thread thread;
    private volatile IOException failure;
    private volatile RuntimeException crash;
    private volatile boolean abandoned;
    private byte[] buffer;
    private int used;
    private boolean closed;

    /**
     * @param zip the ZIP over the client's stream (written only by the ZIP thread from now on)
     * @param client the client's stream under {@code zip}, flushed by {@link #flushAndWait} and {@link #finish}
     */
    ExportZipPipe(ZipOutputStream zip, OutputStream client) {
        this.zip = zip;
        this.client = client;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[BUFFER]);
        }
        buffer = take(free);
        thread = new Thread(this::run, "export-zip");
        thread.setDaemon(true);
        thread.start();
    }

    // --- the request thread ---

    @Override
    public void write(int b) throws IOException {
        if (used == BUFFER) {
            handOver();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int from, int count) throws IOException {
        while (count > 0) {
            if (used == BUFFER) {
                handOver();
            }
            int part = Math.min(count, BUFFER - used);
            System.arraycopy(bytes, from, buffer, used, part);
            used += part;
            from += part;
            count -= part;
        }
    }

    /** Starts a ZIP entry (the data before it goes into the previous one). */
    void entry(String name) throws IOException {
        send(new Step(null, 0, name, Operation.ENTRY));
    }

    void closeEntry() throws IOException {
        send(new Step(null, 0, null, Operation.CLOSE_ENTRY));
    }

    /** Buffered data goes on to the ZIP thread; nothing waits (the ZIP thread writes when its buffers fill). */
    @Override
    public void flush() throws IOException {
        check();
    }

    /** Everything so far through the ZIP to the client, flushed; waits for it and throws what failed. */
    void flushAndWait() throws IOException {
        send(new Step(null, 0, null, Operation.FLUSH));
        await();
    }

    /** Finishes the ZIP (central directory), flushes the client's stream and ends the ZIP thread. */
    void finish() throws IOException {
        send(new Step(null, 0, null, Operation.FINISH));
        await();
        closed = true;
        join();
    }

    /** Ends the ZIP thread without finishing the ZIP (the export failed); the ZIP thread's own failure is dropped. */
    void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        // Not an interrupt: it would close the client's channel under a write in progress.
        abandoned = true;
        steps.clear();
        steps.offer(new Step(null, 0, null, Operation.STOP));
        join();
    }

    @Override
    public void close() {
        abandon();
    }

    private void handOver() throws IOException {
        send(null);
        // The buffer now belongs to the ZIP thread until it comes back through free.
    }

    /** Hands the filled buffer (if any) and then {@code step} (if any) to the ZIP thread. */
    private void send(Step step) throws IOException {
        check();
        if (used > 0) {
            put(new Step(buffer, used, null, Operation.DATA));
            buffer = take(free);
            used = 0;
        }
        if (step != null) {
            put(step);
        }
    }

    private void await() throws IOException {
        while (true) {
            check();
            try {
                if (done.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS) != null) {
                    check();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while the export was written");
            }
            if (!thread.isAlive()) {
                check();
                throw new IOException("The export's ZIP thread ended early");
            }
        }
    }

    private void check() throws IOException {
        if (crash != null) {
            throw crash;
        }
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IOException("The export's ZIP is closed");
        }
    }

    private void put(Step step) throws IOException {
        try {
            steps.put(step);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the export was written");
        }
    }

    private byte[] take(BlockingQueue<byte[]> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the export was written", e);
        }
    }

    private void join() {
        joinUninterruptibly(thread);
    }

    /** Waits for {@code thread} to end even if interrupted meanwhile (the interrupt is kept for the caller). */
    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // --- the ZIP thread ---

    private void run() {
        try {
            while (true) {
                Step step = steps.take();
                if (step.operation() == Operation.STOP) {
                    return;
                }
                if (failure == null && crash == null && !abandoned) {
                    try {
                        if (apply(step)) {
                            return;
                        }
                    } catch (IOException e) {
                        failure = e;
                    } catch (RuntimeException | Error e) {
                        // Kept going (dropping what comes) like after an IOException, so buffers keep coming back.
                        crash = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    }
                }
                if (step.data() != null) {
                    free.add(step.data());
                }
                if ((failure != null || crash != null)
                        && (step.operation() == Operation.FLUSH || step.operation() == Operation.FINISH)) {
                    done.offer(Boolean.TRUE);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Does one step; returns whether the ZIP is finished. */
    private boolean apply(Step step) throws IOException {
        switch (step.operation()) {
            case DATA -> zip.write(step.data(), 0, step.length());
            case ENTRY -> zip.putNextEntry(new ZipEntry(step.entry()));
            case CLOSE_ENTRY -> zip.closeEntry();
            case FLUSH -> {
                zip.flush();
                client.flush();
                done.offer(Boolean.TRUE);
            }
            case STOP -> {
                return true;
            }
            case FINISH -> {
                zip.finish();
                zip.flush();
                client.flush();
                done.offer(Boolean.TRUE);
                return true;
            }
        }
        return false;
    }
}
