package dev.quintet.citizens;

import dev.quintet.platform.Unknown;

/** The import exists but holds no citizen with this id; {@link CitizensErrors} answers it as a 404. */
public class UnknownCitizen extends Unknown {

    public UnknownCitizen(long importId, int citizenId) {
        super("import " + importId + " has no citizen " + citizenId);
    }
}
