package org.exhunt.hunt.attack;

/** A carried ATT&CK data file does not read as expected; the message names the file and line. */
final class AttackDataFormatException extends IllegalStateException {

    AttackDataFormatException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}
