package dev.quintet.platform.data;

/**
 * A sort, search or page the client asked for that no query can be built from. It names the parameter;
 * the platform's problem handler answers it as a 400 with this message as the detail.
 */
public class InvalidQuery extends IllegalArgumentException {

    private final String parameter;

    public InvalidQuery(String parameter, String problem) {
        super(parameter + " " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
