package org.totaldiff.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.totaldiff.experiments.io.RuntimeInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code totaldiff info}: versions, Vector API state, threads and cores: what a run would record. */
@Command(name = "info",
        description = "Print the totaldiff and Java versions, whether the kernels use the JDK Vector API "
                + "(and its vector length), the kernel thread count and the number of cores.")
public final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--json", description = "Print the same facts as one JSON object (as recorded in run.json).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        RuntimeInfo info = RuntimeInfo.current();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(info));
        } else {
            out.printf("totaldiff   %s%n", info.totaldiff());
            out.printf("java        %s (%s)%n", info.java(), info.vm());
            out.printf("os          %s%n", info.os());
            out.printf("vector API  %s: %s%n", info.vectorApi() ? "enabled" : "disabled", info.kernels());
            out.printf("threads     %d%n", info.threads());
            out.printf("cores       %d%n", info.cores());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
