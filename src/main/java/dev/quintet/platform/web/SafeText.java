package dev.quintet.platform.web;

import java.util.Optional;

/**
 * What text the services refuse wherever it comes from (JSON strings and keys, query parameters, paths):
 * NUL, which PostgreSQL cannot store in text at all (a 500 there), and UTF-16 surrogates without their
 * pair, which are no character (H2 stores them as '?'). Either is a client error, never data.
 */
final class SafeText {

    private SafeText() {
    }

    /** What is wrong with the text, if anything. */
    static Optional<String> problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of("must not contain NUL (U+0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain an unpaired surrogate (\\u%04x)".formatted((int) c));
            }
        }
        return Optional.empty();
    }
}
