package org.exhunt.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --since}/{@code --until}: a date ({@code 2021-02-01}, midnight UTC) or a date and time (UTC unless an offset is given). */
final class TimeArg implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        String v = value.trim();
        try {
            if (v.length() == 10) return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) return OffsetDateTime.parse(v.replace(' ', 'T')).toInstant();
            return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date (2021-02-01) or date and time (2021-02-01T13:45:00Z)");
        }
    }
}
