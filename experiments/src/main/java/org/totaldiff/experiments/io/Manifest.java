package org.totaldiff.experiments.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The manifest {@code run.json} of a run: what was run, with which configuration, on what, and
 * how it ended. It is rewritten atomically ({@link AtomicFiles}) at the start, at every
 * checkpoint and at the end, so it is always readable and says how far the run got.
 *
 * <p>A manifest is an immutable value; the methods {@code started}, {@code progress},
 * {@code finished}, {@code stopped}, {@code failed} and {@code resumed} return the next state.
 * Times are ISO-8601 UTC instants as strings; {@code wallSeconds} adds up the wall-clock time of
 * every segment of the run (a resumed run continues the sum).
 *
 * @param format      version of this file format, {@value #FORMAT}
 * @param command     the subcommand that made the run, e.g. "train"
 * @param arguments   the command-line arguments after the subcommand name
 * @param config      the run's configuration record, as JSON (see {@link #configAs(Class)})
 * @param runtime     software and machine of the latest segment
 * @param seed        the random seed
 * @param status      running, finished, stopped or failed
 * @param startTime   when the run was first started
 * @param endTime     when the latest segment ended (null while running)
 * @param wallSeconds wall-clock seconds of all segments so far
 * @param iteration   last completed iteration recorded (the one a resume continues after)
 * @param resumes     how many times the run was resumed
 * @param message     why the run stopped or failed (null otherwise)
 * @param metrics     final (or latest) metrics, in insertion order
 */
public record Manifest(int format, String command, List<String> arguments, JsonNode config,
                       RuntimeInfo runtime, long seed, Status status, String startTime,
                       String endTime, double wallSeconds, long iteration, int resumes,
                       String message, Map<String, Double> metrics) {

    /** Version of the run.json format written by this class. */
    public static final int FORMAT = 1;

    /** File name of the manifest inside a run directory. */
    public static final String FILE_NAME = "run.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** State of a run. */
    public enum Status {
        /** The run is in progress, or was killed without a chance to say so (resumable). */
        @JsonProperty("running") RUNNING,
        /** The run reached its last iteration; its results are complete. */
        @JsonProperty("finished") FINISHED,
        /** The run was interrupted (Ctrl-C, a time limit); it can be resumed. */
        @JsonProperty("stopped") STOPPED,
        /** The run ended with an error; it can be resumed from its last checkpoint. */
        @JsonProperty("failed") FAILED
    }

    /** Validates and freezes the collections. */
    public Manifest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(status, "status");
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        config = config == null || config.isNull() ? null : config;
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * The manifest of a run that starts now.
     *
     * @param command   the subcommand, e.g. "train"
     * @param arguments the command-line arguments after the subcommand name
     * @param config    the configuration (a record, or anything Jackson can serialise), or null
     * @param seed      the random seed
     */
    public static Manifest started(String command, List<String> arguments, Object config, long seed) {
        return new Manifest(FORMAT, command, arguments, config == null ? null : MAPPER.valueToTree(config),
                RuntimeInfo.current(), seed, Status.RUNNING, Instant.now().toString(), null, 0.0, 0L, 0,
                null, null);
    }

    /** The configuration read back as {@code type} (e.g. to resume with the original settings). */
    public <T> T configAs(Class<T> type) {
        if (config == null) {
            throw new IllegalStateException("run.json: the run recorded no configuration");
        }
        try {
            return MAPPER.treeToValue(config, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("run.json: the recorded configuration does not fit "
                    + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /** True if the run reached its end (status finished). */
    public boolean done() {
        return status == Status.FINISHED;
    }

    /** Running, with {@code iteration} completed and {@code wallSeconds} spent so far. */
    public Manifest progress(long iteration, double wallSeconds) {
        return new Manifest(format, command, arguments, config, runtime, seed, Status.RUNNING, startTime,
                null, wallSeconds, iteration, resumes, null, metrics);
    }

    /** Finished now after {@code iteration}, with its final metrics. */
    public Manifest finished(long iteration, double wallSeconds, Map<String, Double> finalMetrics) {
        return new Manifest(format, command, arguments, config, runtime, seed, Status.FINISHED, startTime,
                Instant.now().toString(), wallSeconds, iteration, resumes, null, finalMetrics);
    }

    /** Stopped now after {@code iteration} (interrupted), with the reason and the latest metrics. */
    public Manifest stopped(long iteration, double wallSeconds, String why, Map<String, Double> latestMetrics) {
        return new Manifest(format, command, arguments, config, runtime, seed, Status.STOPPED, startTime,
                Instant.now().toString(), wallSeconds, iteration, resumes, why, latestMetrics);
    }

    /** Failed now after {@code iteration} with an error message. */
    public Manifest failed(long iteration, double wallSeconds, String error) {
        return new Manifest(format, command, arguments, config, runtime, seed, Status.FAILED, startTime,
                Instant.now().toString(), wallSeconds, iteration, resumes, error, metrics);
    }

    /**
     * Running again after a resume at {@code iteration}: one more resume, the runtime of this
     * JVM, wall time and configuration carried over.
     */
    public Manifest resumed(long iteration) {
        return new Manifest(format, command, arguments, config, RuntimeInfo.current(), seed, Status.RUNNING,
                startTime, null, wallSeconds, iteration, resumes + 1, null, metrics);
    }

    /** This manifest as indented JSON. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run.json: cannot serialise the manifest: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes this manifest to {@code file}, replacing it atomically. */
    public void write(Path file) {
        AtomicFiles.write(file, (toJson() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Reads a manifest.
     *
     * @throws IllegalArgumentException if the file is missing or is not a run.json this version reads
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static Manifest read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
        try {
            Manifest m = MAPPER.readValue(bytes, Manifest.class);
            if (m.format() > FORMAT) {
                throw new IllegalArgumentException(file + ": format " + m.format()
                        + " is newer than this totaldiff reads (" + FORMAT + "); update totaldiff");
            }
            return m;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith(file.toString())) {
                throw iae;
            }
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException(file + ": not a valid run.json (" + firstLine(detail)
                    + "); delete the run directory or pass --force");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
