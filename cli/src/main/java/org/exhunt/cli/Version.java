package org.exhunt.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar's manifest at build time. */
final class Version implements IVersionProvider {

    static String current() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"exhunt " + current(), "Java " + System.getProperty("java.version")};
    }
}
