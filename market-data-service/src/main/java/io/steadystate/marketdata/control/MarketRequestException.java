package io.steadystate.marketdata.control;

import io.steadystate.kit.api.RequestRefused;

/** A control request that cannot be applied; nothing was changed. service-kit's error mappers answer its status. */
public final class MarketRequestException extends RequestRefused {

    public enum Kind {
        BAD_REQUEST(400),
        NOT_FOUND(404),
        CONFLICT(409),
        UNAVAILABLE(503);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;

    public MarketRequestException(Kind kind, String message) {
        super(kind.status, message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static MarketRequestException badRequest(String message) {
        return new MarketRequestException(Kind.BAD_REQUEST, message);
    }

    static MarketRequestException conflict(String message) {
        return new MarketRequestException(Kind.CONFLICT, message);
    }
}
