package dev.quintet.citizens;

import dev.quintet.platform.Unknown;

/** No import has this id (never made, or deleted); {@link CitizensErrors} answers it as a 404. */
public class UnknownImport extends Unknown {

    public UnknownImport(long importId) {
        super("no import " + importId);
    }
}
