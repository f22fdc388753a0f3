package io.steadystate.strategy.fault;

/** One tick's price as seed 000's rally detector cached it: a small real object per tick, so the leak shows in a class histogram. */
public record LeakedPricePoint(String symbol, long eventTime, double price) {}
