package io.steadystate.marketdata.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The simulated exchange's trading days and session hours, in UTC. Pure functions of the date: one session
 * per weekday, none on Saturday and Sunday (no holiday list: a soak needs regular days, not a real calendar).
 */
public record SessionCalendar(LocalTime open, LocalTime close) {

    public SessionCalendar {
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("session open " + open + " must be before close " + close);
        }
    }

    public static SessionCalendar standard() {
        return new SessionCalendar(LocalTime.of(9, 30), LocalTime.of(16, 0));
    }

    public static boolean isTradingDay(long epochDay) {
        DayOfWeek dow = LocalDate.ofEpochDay(epochDay).getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The first trading day on or after {@code epochDay}. */
    public static long tradingDayOnOrAfter(long epochDay) {
        long day = epochDay;
        while (!isTradingDay(day)) {
            day++;
        }
        return day;
    }

    /** The trading day after {@code epochDay} (Friday → Monday). */
    public static long nextTradingDay(long epochDay) {
        return tradingDayOnOrAfter(epochDay + 1);
    }

    public static long midnightMillis(long epochDay) {
        return epochDay * 86_400_000L;
    }

    public long openMillis(long epochDay) {
        return midnightMillis(epochDay) + open.toSecondOfDay() * 1000L;
    }

    public long closeMillis(long epochDay) {
        return midnightMillis(epochDay) + close.toSecondOfDay() * 1000L;
    }

    public long sessionMillis() {
        return (close.toSecondOfDay() - open.toSecondOfDay()) * 1000L;
    }

    public static long epochDayOf(long epochMillis) {
        return Math.floorDiv(epochMillis, 86_400_000L);
    }

    public static LocalDate dateOf(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    public static String isoInstant(long epochMillis) {
        return java.time.Instant.ofEpochMilli(epochMillis)
                .atOffset(ZoneOffset.UTC)
                .toString();
    }
}
