package dev.quintet.platform.web;

import java.io.IOException;
import org.springframework.util.unit.DataSize;

/** Thrown while a body without a declared length is read past its limit; answered with 413. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(DataSize limit) {
        super("request body is larger than the limit of " + limit.toBytes() + " bytes");
    }
}
