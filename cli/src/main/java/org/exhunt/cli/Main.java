package org.exhunt.cli;

/** Entry point of the {@code exhunt} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(2);
    }
}
