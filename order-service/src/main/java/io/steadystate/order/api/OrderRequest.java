package io.steadystate.order.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of POST /orders (CONTRACTS.md). Fields are boxed/strings so a missing or mistyped field gives a
 * clear 400 message instead of a default value.
 */
@Schema(description = "A bracket order: entry with stop-loss and take-profit children (OCO)")
public record OrderRequest(
        @Schema(
                required = true,
                pattern = "[A-Za-z0-9._-]{1,64}",
                description = "Client id; the order id is M-<clientOrderId>, retries are idempotent")
        String clientOrderId,

        @Schema(required = true, example = "ACME") String symbol,

        @Schema(required = true, description = "Strategy slot 11..73 (7 timeframes x 3 strategies)", example = "11")
        Integer slotId,

        @Schema(
                required = true,
                enumeration = {"BUY", "SELL"})
        String side,

        @Schema(
                required = true,
                enumeration = {"MARKET", "LIMIT"})
        String type,

        @Schema(required = true, example = "10") Double quantity,
        @Schema(description = "Required for LIMIT") Double limitPrice,
        @Schema(required = true) Double stopLoss,
        @Schema(required = true) Double takeProfit,

        @Schema(
                required = true,
                enumeration = {"DAY", "GTC"})
        String timeInForce) {}
