package dev.quintet.hotels;

/** A change would give a selected hotel the uid another one has; {@link HotelsErrors} answers it as a 409. */
public class TakenUid extends RuntimeException {

    public TakenUid(String problem) {
        super(problem);
    }
}
