package io.steadystate.core.event;

/** Invariants shared by the domain records: a record that exists is a valid record. */
final class Validation {
    static final int MAX_SYMBOL_LENGTH = 16;
    /** Client order ids: {@code [A-Za-z0-9._-]{1,64}}. */
    static final int MAX_CLIENT_ORDER_ID_LENGTH = 64;
    /** Signal ids ({@code symbol:slot:barTime}, at most 16 + 1 + 2 + 1 + 20 = 40 characters): {@code [A-Za-z0-9._:-]{1,64}}. */
    static final int MAX_SIGNAL_ID_LENGTH = 64;
    /**
     * The dearest listed share trades under 10^6 a unit; 10^9 leaves three orders of magnitude of headroom while
     * price × quantity, spreads, PnL and fill prices stay far from overflow. A tick at {@code Double.MAX_VALUE} was
     * finite and positive, so it passed, entered strategy's bars and made order-service's fill price infinite.
     */
    static final double MAX_PRICE = 1e9;

    private Validation() {}

    static void symbol(String symbol) {
        if (symbol == null || symbol.isEmpty() || symbol.length() > MAX_SYMBOL_LENGTH) {
            throw new IllegalArgumentException(
                    "symbol must be 1.." + MAX_SYMBOL_LENGTH + " characters, was '" + symbol + "'");
        }
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_')) {
                throw new IllegalArgumentException(
                        "symbol '" + symbol + "' has character '" + c + "' (allowed: A-Z 0-9 . - _)");
            }
        }
    }

    /**
     * Ids travel inside other ids: an order id is {@code "M-" + clientOrderId} or {@code "S-" + signalId}, and a
     * bracket's children append {@code "/SL"} and {@code "/TP"}. So '/' is reserved for child ids and an id
     * from outside may only use this alphabet — otherwise client id {@code A/SL} would be the stop-loss of {@code A}.
     */
    static void identifier(String name, String value, int maxLength, boolean colonAllowed) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be 1.." + maxLength + " characters, was "
                    + (value == null ? "missing" : value.length() + " characters"));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean safe = c >= 'A' && c <= 'Z'
                    || c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || c == '.'
                    || c == '_'
                    || c == '-'
                    || colonAllowed && c == ':';
            if (!safe) {
                throw new IllegalArgumentException(name + " '" + value + "' has character '" + c
                        + "' (allowed: A-Z a-z " + "0-9 . _ -" + (colonAllowed ? " :" : "") + ")");
            }
        }
    }

    /** A price: positive, finite, at most {@link #MAX_PRICE}. */
    static void price(String name, double value) {
        positiveFinite(name, value);
        if (value > MAX_PRICE) {
            throw new IllegalArgumentException(name + " " + value + " is over the " + MAX_PRICE + " any market quotes");
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
