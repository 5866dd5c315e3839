package dev.quintet.citizens;

/** No import has this id (never made, or deleted); {@link CitizensErrors} answers it as a 404. */
public class UnknownImport extends RuntimeException {

    public UnknownImport(long importId) {
        super("no import " + importId);
    }
}
