package io.ntkstudio.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * One run at a time per output folder: an operating-system lock on the hidden sibling
 * {@code .NAME.lock}, which the kernel releases when its process ends, however it ends. The file
 * says who holds it, for the second run's refusal. It stays when the run ends: deleting it would
 * let a run that opened it just before lock the deleted file while a third locks a new one, and
 * POSIX locks give no safe way to check (closing any descriptor of the file, as reading it back
 * would, releases the lock).
 */
final class OutputLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock for folder {@code name} in {@code parent}; refused, naming the holder, when another run has it. */
    static OutputLock take(Path parent, String name, String shown) throws IOException {
        Path path = parent.resolve("." + name + ".lock");
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        String holder = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
            holder = "process " + ProcessHandle.current().pid() + ", this one";
        }
        if (lock == null) {
            channel.close();
            throw new OutputDirectory.Refused("--out " + shown + " is being written by another run ("
                    + (holder != null ? holder : holder(path)) + "); wait for it to finish, or choose another --out");
        }
        String me = "process " + ProcessHandle.current().pid() + ", since " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
        return new OutputLock(channel, lock);
    }

    /** What the holder wrote (read by another process: this one holds no lock on the file). */
    private static String holder(Path path) {
        try {
            String s = Files.readString(path).trim();
            return s.isEmpty() ? "a process that is starting" : s;
        } catch (IOException e) {
            return "another process";
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
