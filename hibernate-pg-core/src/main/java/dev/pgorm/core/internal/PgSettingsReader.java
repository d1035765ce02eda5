package dev.pgorm.core.internal;

import dev.pgorm.core.PgOrmSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.service.ServiceRegistry;

/**
 * Reads {@code pgorm.*} properties from Hibernate's configuration with one set of rules for every
 * module: values may be strings or already-typed objects, and a value that cannot be read fails
 * with the property name and the accepted forms. Keys use Hibernate's underscore style; a key that
 * was spelled otherwise before is still read under its former spelling for one release, with a
 * warning naming the new key.
 */
public final class PgSettingsReader {

    private static final System.Logger LOG = System.getLogger("dev.pgorm");

    /** Current key to its former spelling, read when the current key is absent (until 0.2). */
    private static final Map<String, String> FORMER_SPELLINGS =
            Map.of(
                    "pgorm.types.json_lean", "pgorm.types.json-lean",
                    "pgorm.types.vector_binary", "pgorm.types.vector-binary");

    /** Former spellings already warned about, so a warning is logged once per key. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final Map<?, ?> settings;

    private PgSettingsReader(Map<?, ?> settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Returns a reader over a plain map of properties.
     *
     * @param settings the configuration, for example Hibernate's settings map
     * @return the reader
     */
    public static PgSettingsReader of(Map<?, ?> settings) {
        return new PgSettingsReader(settings);
    }

    /**
     * Returns a reader over the settings of a Hibernate service registry.
     *
     * @param serviceRegistry the registry handed to a contributor
     * @return the reader
     */
    public static PgSettingsReader of(ServiceRegistry serviceRegistry) {
        ConfigurationService config = serviceRegistry.requireService(ConfigurationService.class);
        return new PgSettingsReader(config.getSettings());
    }

    /**
     * Returns whether the given module is on: both {@link PgOrmSettings#ENABLED} and {@code
     * pgorm.<module>.enabled} are true or absent.
     *
     * @param module the module's short name, for example {@code types}
     * @return false when either switch is off
     */
    public boolean isModuleEnabled(String module) {
        return getBoolean(PgOrmSettings.ENABLED, true)
                && getBoolean(PgOrmSettings.enabledSwitch(module), true);
    }

    /**
     * Reads a boolean property: {@code true}/{@code false} in any case, or a {@link Boolean}.
     *
     * @param name the property name
     * @param defaultValue the value when the property is absent or blank
     * @return the value
     * @throws IllegalArgumentException for any other value
     */
    public boolean getBoolean(String name, boolean defaultValue) {
        Object raw = raw(name);
        if (raw instanceof Boolean) {
            return (Boolean) raw;
        }
        String text = text(raw);
        if (text == null) {
            return defaultValue;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw invalid(name, raw, "true or false");
        }
    }

    /**
     * Reads a string property.
     *
     * @param name the property name
     * @param defaultValue the value when the property is absent or blank
     * @return the trimmed value
     */
    public String getString(String name, String defaultValue) {
        String text = text(raw(name));
        return text == null ? defaultValue : text;
    }

    /**
     * Reads an integer property: a decimal number or a {@link Number} without fraction.
     *
     * @param name the property name
     * @param defaultValue the value when the property is absent or blank
     * @return the value
     * @throws IllegalArgumentException when the value is not an integer
     */
    public int getInt(String name, int defaultValue) {
        Object raw = raw(name);
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).intValue();
        }
        String text = text(raw);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(name, raw, "an integer");
        }
    }

    /**
     * Reads a duration property: a {@link Duration}, a number of milliseconds, a number with a unit
     * ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}) or ISO-8601 ({@code PT30S}).
     *
     * @param name the property name
     * @param defaultValue the value when the property is absent or blank
     * @return the value, never negative
     * @throws IllegalArgumentException when the value cannot be read or is negative
     */
    public Duration getDuration(String name, Duration defaultValue) {
        Object raw = raw(name);
        Duration result;
        if (raw instanceof Duration) {
            result = (Duration) raw;
        } else if (raw instanceof Integer || raw instanceof Long) {
            result = Duration.ofMillis(((Number) raw).longValue());
        } else {
            String text = text(raw);
            if (text == null) {
                return defaultValue;
            }
            result = parseDuration(name, raw, text.toLowerCase(Locale.ROOT));
        }
        if (result.isNegative()) {
            throw invalid(name, raw, "a duration that is not negative");
        }
        return result;
    }

    private static Duration parseDuration(String name, Object raw, String text) {
        try {
            if (text.startsWith("pt") || text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            int unitStart = 0;
            while (unitStart < text.length() && Character.isDigit(text.charAt(unitStart))) {
                unitStart++;
            }
            if (unitStart == 0) {
                throw invalid(name, raw, DURATION_FORMS);
            }
            long amount = Long.parseLong(text.substring(0, unitStart));
            switch (text.substring(unitStart).trim()) {
                case "":
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                case "min":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    throw invalid(name, raw, DURATION_FORMS);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid(name, raw, DURATION_FORMS);
        }
    }

    /**
     * Returns the value under {@code name}, or under its former spelling (with a warning once) when
     * only that one is set.
     */
    private Object raw(String name) {
        Object value = settings.get(name);
        String former = FORMER_SPELLINGS.get(name);
        if (value == null && former != null && settings.get(former) != null) {
            if (WARNED.add(former)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "PG-ORM setting "
                                + former
                                + " is deprecated and will be ignored in a later release; set "
                                + name
                                + " instead");
            }
            return settings.get(former);
        }
        return value;
    }

    private static final String DURATION_FORMS =
            "a duration such as 500ms, 30s, 5m, 1h, PT30S or a number of milliseconds";

    private static String text(Object raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static IllegalArgumentException invalid(String name, Object raw, String expected) {
        return new IllegalArgumentException(
                "Invalid value '" + raw + "' for setting " + name + ": expected " + expected);
    }
}
