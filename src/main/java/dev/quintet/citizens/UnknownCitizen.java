package dev.quintet.citizens;

/** The import exists but holds no citizen with this id; {@link CitizensErrors} answers it as a 404. */
public class UnknownCitizen extends RuntimeException {

    public UnknownCitizen(long importId, int citizenId) {
        super("import " + importId + " has no citizen " + citizenId);
    }
}
