package org.totaldiff.experiments.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The output directory of one run, opened for writing.
 *
 * <p>Opening decides what happens to what is already there ({@link Mode}):
 * <ul>
 *   <li>a missing or empty directory: a fresh run, in every mode;</li>
 *   <li>a finished run (run.json with status finished): refused, unless {@code FORCE} clears it;</li>
 *   <li>an unfinished run (running, stopped or failed): refused unless {@code RESUME} continues it
 *       ({@link #resuming()} is then true and {@link #previous()} holds its manifest) or
 *       {@code FORCE} clears it;</li>
 *   <li>a non-empty directory without run.json: always refused, {@code FORCE} included, so a
 *       mistyped {@code --out} never deletes files totaldiff did not write.</li>
 * </ul>
 * While open, the directory is locked (the file {@value #LOCK_FILE}), so two processes cannot
 * write the same run; {@link #close()} releases the lock. A directory closed with nothing written
 * in it (a command refused after opening it) is left as it was found: the lock file is removed,
 * and so is the directory if opening created it.
 */
public final class RunDirectory implements AutoCloseable {

    /** What to do with a run already in the directory. */
    public enum Mode {
        /** Start a run; refuse a directory that holds one (the default). */
        NEW,
        /** Start a run; delete any run already in the directory first (--force). */
        FORCE,
        /** Continue the unfinished run in the directory; start one if it is empty (--resume). */
        RESUME
    }

    /** Name of the lock file kept in the directory while a run writes it. */
    public static final String LOCK_FILE = ".lock";
    /** Name of the per-iteration table. */
    public static final String METRICS_FILE = "metrics.csv";
    /** Name of the folder of figures. */
    public static final String PLOTS_DIR = "plots";
    /** Name of the latest resumable training state (written by the pinn module). */
    public static final String CHECKPOINT_FILE = "checkpoint.npz";
    /** Name of the final network parameters (written by the pinn module). */
    public static final String MODEL_FILE = "model.npz";
    /** Name of the collocation and boundary points (written by the pinn module). */
    public static final String POINTS_FILE = "points.npz";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Manifest previous;
    /** The outermost directory that {@link #open} created (the run directory or a parent), or null. */
    private final Path created;

    private RunDirectory(Path path, FileChannel lockChannel, FileLock lock, Manifest previous, Path created) {
        this.path = path;
        this.created = created;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.previous = previous;
    }

    /**
     * Opens (creating it if needed) the run directory {@code dir}.
     *
     * @throws IllegalArgumentException if the directory cannot be used in this mode; the message
     *                                  says why and which option would change that
     * @throws UncheckedIOException     if the file system fails
     */
    public static RunDirectory open(Path dir, Mode mode) {
        Path path = dir.toAbsolutePath().normalize();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException("--out: " + dir + " exists and is not a directory");
        }
        FileChannel channel = null;
        Path created = null;
        for (Path p = path; p != null && !Files.exists(p); p = p.getParent()) {
            created = p;
        }
        boolean lockExisted = Files.exists(path.resolve(LOCK_FILE));
        try {
            Files.createDirectories(path);
            channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalArgumentException("--out: " + dir
                        + " is in use by another totaldiff process; wait for it or choose another directory");
            }
            Manifest previous = inspect(dir, path, mode);
            return new RunDirectory(path, channel, lock, previous, created);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open run directory " + dir + ": " + AtomicFiles.describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            if (!lockExisted) {
                removeLockAndCreated(path, created);
            }
            throw e;
        }
    }

    /** Applies the mode to the directory's content; returns the manifest of a run to resume, or null. */
    private static Manifest inspect(Path shown, Path path, Mode mode) throws IOException {
        List<Path> entries = entries(path);
        if (entries.isEmpty()) {
            return null;
        }
        Path manifestFile = path.resolve(Manifest.FILE_NAME);
        if (!Files.exists(manifestFile)) {
            throw new IllegalArgumentException("--out: " + shown + " is not empty and holds no "
                    + Manifest.FILE_NAME + " (not a totaldiff run); choose a new or empty directory");
        }
        if (mode == Mode.FORCE) {
            for (Path entry : entries) {
                deleteRecursively(entry);
            }
            return null;
        }
        Manifest manifest = Manifest.read(manifestFile);
        if (manifest.done()) {
            throw new IllegalArgumentException("--out: " + shown + " holds a finished run (" + manifest.command()
                    + ", ended " + manifest.endTime() + "); pass --force to overwrite it or choose another directory");
        }
        if (mode == Mode.NEW) {
            throw new IllegalArgumentException("--out: " + shown + " holds an unfinished run (status "
                    + manifest.status().name().toLowerCase(java.util.Locale.ROOT) + " at iteration "
                    + manifest.iteration() + "); pass --resume to continue it or --force to start over");
        }
        return manifest;
    }

    private static List<Path> entries(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> !p.getFileName().toString().equals(LOCK_FILE)).sorted().forEach(out::add);
        }
        return out;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(root)) {
                List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
                for (Path p : all) {
                    Files.deleteIfExists(p);
                }
            }
        } else {
            Files.deleteIfExists(root);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    /** The directory (absolute). */
    public Path path() {
        return path;
    }

    /** True if this run continues an unfinished one ({@link Mode#RESUME} on a resumable directory). */
    public boolean resuming() {
        return previous != null;
    }

    /** The manifest of the run being resumed; empty for a fresh run. */
    public Optional<Manifest> previous() {
        return Optional.ofNullable(previous);
    }

    /** {@code run.json}. */
    public Path manifestFile() {
        return path.resolve(Manifest.FILE_NAME);
    }

    /** {@code metrics.csv}. */
    public Path metricsFile() {
        return path.resolve(METRICS_FILE);
    }

    /** {@code checkpoint.npz}: latest resumable state, written by the trainer. */
    public Path checkpointFile() {
        return path.resolve(CHECKPOINT_FILE);
    }

    /** {@code model.npz}: final network parameters. */
    public Path modelFile() {
        return path.resolve(MODEL_FILE);
    }

    /** {@code points.npz}: the collocation and boundary points of the run. */
    public Path pointsFile() {
        return path.resolve(POINTS_FILE);
    }

    /** True if a checkpoint file exists (a resume can restore the training state from it). */
    public boolean hasCheckpoint() {
        return Files.isRegularFile(checkpointFile());
    }

    /** {@code plots/NAME.png}, creating {@code plots/} if needed. */
    public Path plot(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("plot: expected a plain file name, got '" + name + "'");
        }
        Path plots = path.resolve(PLOTS_DIR);
        try {
            Files.createDirectories(plots);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + plots + ": " + AtomicFiles.describe(e), e);
        }
        return plots.resolve(name.endsWith(".png") ? name : name + ".png");
    }

    /** Any other file of the run, e.g. {@code file("reference.csv")}. */
    public Path file(String name) {
        Path p = path.resolve(name).normalize();
        if (!p.startsWith(path) || p.equals(path)) {
            throw new IllegalArgumentException("file: '" + name + "' is not a file inside " + path);
        }
        return p;
    }

    /** Releases the directory's lock. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // the lock goes with the channel
        }
        closeQuietly(lockChannel);
        removeIfUnused();
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Nothing but the lock file inside: remove it, and the directories {@link #open} made. */
    private void removeIfUnused() {
        try {
            if (Files.isDirectory(path) && entries(path).isEmpty()) {
                removeLockAndCreated(path, created);
            }
        } catch (IOException ignored) {
            // best effort: an empty directory left behind holds no results
        }
    }

    /**
     * Deletes the lock file of {@code path}, then {@code path} and its parents up to
     * {@code created} (null: none) while they are empty.
     */
    private static void removeLockAndCreated(Path path, Path created) {
        try {
            Files.deleteIfExists(path.resolve(LOCK_FILE));
            for (Path p = path; created != null && p != null && p.startsWith(created); p = p.getParent()) {
                if (!isEmptyDirectory(p)) {
                    break;
                }
                Files.delete(p);
            }
        } catch (IOException ignored) {
            // best effort, as above
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
