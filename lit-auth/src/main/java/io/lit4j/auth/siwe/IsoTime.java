package io.lit4j.auth.siwe;

import io.lit4j.core.errors.LitValidationException;
import io.lit4j.core.util.Args;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps as the JS SDK writes them ({@code Date.prototype.toISOString}) and as siwe accepts
 * them.
 */
public final class IsoTime {
  private static final DateTimeFormatter JS_ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  // siwe 2.3.2 utils.ts ISO8601, with the fraction's dot escaped
  private static final Pattern ISO8601 =
      Pattern.compile(
          "^(?<date>[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01]))[Tt]([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)"
              + "(\\.[0-9]+)?(([Zz])|([+-]([01][0-9]|2[0-3]):[0-5][0-9]))$");

  private IsoTime() {}

  /**
   * {@code instant} as JS {@code toISOString()}: UTC, always milliseconds, e.g. {@code
   * 2024-06-01T12:00:00.000Z}.
   *
   * @param instant the time to format
   * @return the text, e.g. {@code 2024-06-01T12:00:00.000Z}
   * @throws LitValidationException when {@code instant} is null
   */
  public static String toIsoString(Instant instant) {
    return JS_ISO.format(Args.required(instant, "instant"));
  }

  /**
   * {@return true when {@code text} is an RFC 3339 date-time siwe accepts (and the date exists)}
   *
   * @param text the text to check
   */
  public static boolean isValid(String text) {
    if (text == null) return false;
    Matcher m = ISO8601.matcher(text);
    if (!m.matches()) return false;
    try {
      LocalDate.parse(m.group("date"));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * Parses an RFC 3339 date-time ({@code Z} or an offset, any fraction).
   *
   * @param text the date-time text
   * @param field names the value in error messages
   * @return the instant
   * @throws LitValidationException naming {@code field} when it is not one
   */
  public static Instant parse(String text, String field) {
    if (!isValid(text)) {
      throw new LitValidationException(
          field + " '" + text + "' is not an ISO-8601 / RFC 3339 date-time");
    }
    String norm = text.toUpperCase(Locale.ROOT);
    boolean leap = norm.startsWith(":60", 16);
    if (leap) norm = norm.substring(0, 17) + "59" + norm.substring(19);
    try {
      Instant i = OffsetDateTime.parse(norm, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      return leap ? i.plusSeconds(1) : i;
    } catch (DateTimeParseException e) {
      throw new LitValidationException(
          field + " '" + text + "' is not a valid date-time: " + e.getMessage(), e);
    }
  }
}
