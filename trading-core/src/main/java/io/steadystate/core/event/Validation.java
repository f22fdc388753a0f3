package io.steadystate.core.event;

/** Invariants shared by the domain records: a record that exists is a valid record. */
final class Validation {
    static final int MAX_SYMBOL_LENGTH = 16;

    private Validation() {
    }

    static void symbol(String symbol) {
        if (symbol == null || symbol.isEmpty() || symbol.length() > MAX_SYMBOL_LENGTH) {
            throw new IllegalArgumentException("symbol must be 1.." + MAX_SYMBOL_LENGTH + " characters, was '" + symbol + "'");
        }
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_')) {
                throw new IllegalArgumentException("symbol '" + symbol + "' has character '" + c + "' (allowed: A-Z 0-9 . - _)");
            }
        }
    }

    static void positiveFinite(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, was " + value);
        }
    }

    static void nonNegativeFinite(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a non-negative finite number, was " + value);
        }
    }

    static <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
