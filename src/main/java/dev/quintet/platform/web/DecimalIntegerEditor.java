package dev.quintet.platform.web;

import java.beans.PropertyEditorSupport;

/**
 * Binds a query or path value to an integer type from plain decimal digits only. Spring's own conversion
 * also reads {@code 0x10} and {@code #10} as hexadecimal, which none of the original services accepted.
 */
final class DecimalIntegerEditor extends PropertyEditorSupport {

    private final boolean wide;
    private final boolean nullable;

    DecimalIntegerEditor(boolean wide, boolean nullable) {
        this.wide = wide;
        this.nullable = nullable;
    }

    @Override
    public void setAsText(String text) {
        if (nullable && (text == null || text.isBlank())) {
            setValue(null);
            return;
        }
        // Long.parseLong alone would take other scripts' digits too
        if (text == null || !text.matches("[+-]?[0-9]{1,20}")) {
            throw new IllegalArgumentException("not a decimal integer");
        }
        // NumberFormatException (out of range) is an IllegalArgumentException: a type mismatch to the binder
        setValue(wide ? (Object) Long.parseLong(text) : (Object) Integer.parseInt(text));
    }
}
