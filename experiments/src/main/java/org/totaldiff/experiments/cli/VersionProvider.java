package org.totaldiff.experiments.cli;

import org.totaldiff.experiments.io.RuntimeInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code totaldiff --version}: totaldiff's version (from the build) and the Java runtime. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "totaldiff " + RuntimeInfo.version(),
            "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version"))
                    + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.vm.name") + ")"
        };
    }
}
