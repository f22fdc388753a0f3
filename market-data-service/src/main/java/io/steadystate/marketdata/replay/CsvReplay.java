package io.steadystate.marketdata.replay;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.state.Bounded;
import io.steadystate.core.state.ObjectRing;
import io.steadystate.kit.log.ThrottledLog;
import io.steadystate.marketdata.MarketSource;
import io.steadystate.marketdata.OriginClock;
import io.steadystate.marketdata.calendar.SessionCalendar;
import io.steadystate.marketdata.calendar.SessionCursor;
import io.steadystate.marketdata.resume.ResumePoint;
import io.steadystate.marketdata.universe.SymbolState;
import io.steadystate.marketdata.universe.SymbolUniverse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Replays a CSV of trades — {@code timestamp,symbol,price,size[,bid,ask]} — at the driver's speed, streaming
 * the file (one line in memory at a time). Timestamps are ISO-8601 instants ({@code 2026-01-05T09:30:00.250Z}),
 * local date-times taken as UTC, or epoch millis, and must not go backwards.
 *
 * <p>The session events come from the same {@link SessionCursor} as the simulation, inserted at their times
 * between the ticks; time outside a session costs no budget (the replay jumps to the next line). A symbol is
 * listed (SymbolListed) just before its first tick; a replay delists nothing.
 *
 * <p>A malformed line is counted, reported with its line number (the latest {@value #KEPT_ERRORS} are kept for
 * the status view, the log is throttled) and skipped: one bad line never stops the replay.
 *
 * <p>Resumed ({@link #resumeAfter}), it skips the lines a previous run already published (time at or before the
 * resume point) and continues from the next one, with session events and sequence numbers continuing too.
 */
public final class CsvReplay implements MarketSource, MarketSource.ReplayProgress {

    private static final Logger LOG = Logger.getLogger(CsvReplay.class);
    static final int KEPT_ERRORS = 20;

    private final String source;

    @Bounded("a fixed 8 KiB char buffer: it grows only up to a mark() read-ahead limit, and nothing calls mark()")
    private final BufferedReader reader;

    private final SessionCalendar calendar;
    private final SymbolUniverse universe;
    private final OriginClock origin;
    private final Optional<ReplayProgress> progress = Optional.of(this);
    private final ObjectRing<String> recentErrors = new ObjectRing<>("market-replay-errors", KEPT_ERRORS);
    private final ThrottledLog errorLog = new ThrottledLog(LOG, 5_000);

    private SessionCursor cursor;
    private Row next;
    private long lineNumber;
    private long lastAcceptedMillis = Long.MIN_VALUE;
    private long malformed;
    private long replayed;
    private long nowNanos = Long.MIN_VALUE;
    private boolean eof;
    private boolean finished;
    /** Lines at or before this time were published by a previous run; {@link Long#MIN_VALUE} = fresh replay. */
    private long resumedAfterMillis = Long.MIN_VALUE;

    private long resumedPast;

    /** One parsed, valid line. */
    record Row(long line, long timeMillis, String symbol, double price, long size, double bid, double ask) {}

    public CsvReplay(
            String source,
            BufferedReader reader,
            SessionCalendar calendar,
            SymbolUniverse universe,
            OriginClock origin) {
        this.source = source;
        this.reader = reader;
        this.calendar = calendar;
        this.universe = universe;
        this.origin = origin;
    }

    /** Opens {@code file} — a path, or {@code classpath:name} — for a replay. */
    public static CsvReplay open(String file, SessionCalendar calendar, SymbolUniverse universe, OriginClock origin) {
        try {
            InputStream in;
            if (file.startsWith("classpath:")) {
                String resource = file.substring("classpath:".length());
                in = Thread.currentThread()
                        .getContextClassLoader()
                        .getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource);
                if (in == null) {
                    throw new IllegalArgumentException("replay file " + file + " not found on the classpath");
                }
            } else {
                in = Files.newInputStream(Path.of(file));
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
            return new CsvReplay(file, reader, calendar, universe, origin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open replay file " + file, e);
        }
    }

    @Override
    public void resumeAfter(ResumePoint point) {
        if (cursor != null || next != null || lineNumber > 0) {
            throw new IllegalStateException("resumeAfter must come before the first line is read");
        }
        universe.numberSequencesAbove(point.sequenceFloor());
        resumedAfterMillis = point.lastEventTimeMillis();
    }

    /**
     * A fresh cursor for the first line's day emits nothing before that day's midnight; when the previous run
     * got into that day, the cursor continues from where it stood instead (no session event twice).
     */
    private SessionCursor firstCursor(long firstMillis) {
        long day = SessionCalendar.epochDayOf(firstMillis);
        if (resumedAfterMillis != Long.MIN_VALUE && resumedAfterMillis >= SessionCalendar.midnightMillis(day)) {
            nowNanos = (resumedAfterMillis + 1) * 1_000_000L;
            return SessionCursor.resumedAfter(calendar, resumedAfterMillis);
        }
        nowNanos = firstMillis * 1_000_000L;
        return new SessionCursor(calendar, day);
    }

    @Override
    public int advance(long budgetNanos, int maxTicks, Consumer<MarketEvent> sink) {
        if (finished) {
            return 0;
        }
        if (next == null) {
            next = readRow();
        }
        if (next != null && cursor == null) {
            cursor = firstCursor(next.timeMillis());
        }
        if (next == null) {
            finish(sink);
            return 0;
        }
        long end = MarketSource.saturatedAdd(nowNanos, Math.max(0, budgetNanos));
        int ticks = 0;
        while (next != null) {
            long t = next.timeMillis() * 1_000_000L;
            if (t > nowNanos && !cursor.isOpen()) {
                end = MarketSource.saturatedAdd(end, t - nowNanos); // outside a session: jump to the next line for free
                nowNanos = t;
            }
            if (t > end) {
                nowNanos = end;
                cursor.advanceTo(nowNanos / 1_000_000L, sink);
                return ticks;
            }
            if (ticks >= maxTicks) {
                return ticks;
            }
            nowNanos = Math.max(nowNanos, t);
            cursor.advanceTo(next.timeMillis(), sink);
            if (emit(next, sink)) {
                ticks++;
            }
            next = readRow();
        }
        finish(sink);
        return ticks;
    }

    private boolean emit(Row row, Consumer<MarketEvent> sink) {
        SymbolState state = universe.get(row.symbol());
        if (state == null) {
            state = universe.listReplayed(row.symbol(), row.price());
            if (state == null) {
                reject(row.line(), "symbol " + row.symbol() + " would exceed max-symbols " + universe.capacity());
                return false;
            }
            sink.accept(new SymbolListed(row.symbol(), row.timeMillis(), row.price()));
        }
        state.recordQuote(row.price(), row.bid(), row.ask());
        sink.accept(new Tick(
                row.symbol(),
                row.timeMillis(),
                state.nextSequence(),
                row.price(),
                row.bid(),
                row.ask(),
                row.size(),
                origin.originMicros(nowNanos)));
        replayed++;
        return true;
    }

    /** End of file: the open session closes at its close time, and the replay is over. */
    private void finish(Consumer<MarketEvent> sink) {
        if (cursor != null && cursor.isOpen()) {
            long close = Math.max(cursor.closeMillis(), nowMillis());
            cursor.advanceTo(close, sink);
            nowNanos = close * 1_000_000L;
        }
        finished = true;
        LOG.infof(
                "replay of %s finished: %d ticks, %d malformed line(s) of %d", source, replayed, malformed, lineNumber);
        try {
            reader.close();
        } catch (IOException e) {
            LOG.debugf("closing %s: %s", source, e);
        }
    }

    /** The next valid row, skipping (and counting) malformed lines; null at end of file. */
    private Row readRow() {
        if (eof) {
            return null;
        }
        while (true) {
            String line;
            try {
                line = reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + source + " at line " + (lineNumber + 1), e);
            }
            if (line == null) {
                eof = true;
                return null;
            }
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()
                    || trimmed.startsWith("#")
                    || lineNumber == 1 && trimmed.regionMatches(true, 0, "timestamp", 0, 9)) {
                continue;
            }
            try {
                Row row = parse(trimmed);
                if (row.timeMillis() < lastAcceptedMillis) {
                    throw new IllegalArgumentException("timestamp " + Instant.ofEpochMilli(row.timeMillis())
                            + " is before the previous line's " + Instant.ofEpochMilli(lastAcceptedMillis));
                }
                lastAcceptedMillis = row.timeMillis();
                if (row.timeMillis() <= resumedAfterMillis) {
                    resumedPast++; // a previous run published it
                    continue;
                }
                return row;
            } catch (IllegalArgumentException | DateTimeParseException e) {
                reject(lineNumber, e.getMessage());
            }
        }
    }

    private void reject(long line, String reason) {
        malformed++;
        String message = "line " + line + ": " + reason;
        recentErrors.add(message);
        errorLog.warn("skipping malformed line of " + source, message);
    }

    private Row parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 4 && f.length != 6) {
            throw new IllegalArgumentException(
                    "expected 4 or 6 fields (timestamp,symbol,price,size[,bid,ask]), found " + f.length);
        }
        long time = parseTime(f[0].strip());
        String symbol = f[1].strip();
        double price = number("price", f[2]);
        long size;
        try {
            size = Long.parseLong(f[3].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size '" + f[3].strip() + "' is not a whole number");
        }
        double bid = f.length == 6 ? number("bid", f[4]) : price;
        double ask = f.length == 6 ? number("ask", f[5]) : price;
        // the domain record holds the remaining invariants (symbol characters, positive prices, bid ≤ ask, size ≥ 0)
        new Tick(symbol, time, 0, price, bid, ask, size, 0);
        return new Row(lineNumber, time, symbol, price, size, bid, ask);
    }

    private static double number(String name, String field) {
        try {
            return Double.parseDouble(field.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + field.strip() + "' is not a number");
        }
    }

    private static long parseTime(String field) {
        if (!field.isEmpty() && field.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(field);
        }
        try {
            return Instant.parse(field).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(field).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("timestamp '" + field + "' is neither ISO-8601 nor epoch millis");
            }
        }
    }

    @Override
    public String file() {
        return source;
    }

    @Override
    public long resumedPastLines() {
        return resumedPast;
    }

    @Override
    public long malformedLines() {
        return malformed;
    }

    @Override
    public long replayedTicks() {
        return replayed;
    }

    @Override
    public long linesRead() {
        return lineNumber;
    }

    @Override
    public List<String> recentErrors() {
        return recentErrors.newest(0, KEPT_ERRORS, e -> true);
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    /** Empty until the first valid line is read. */
    @Override
    public Optional<SessionCursor> cursor() {
        return Optional.ofNullable(cursor);
    }

    @Override
    public Optional<ReplayProgress> replayProgress() {
        return progress;
    }

    @Override
    public SymbolUniverse universe() {
        return universe;
    }
}
