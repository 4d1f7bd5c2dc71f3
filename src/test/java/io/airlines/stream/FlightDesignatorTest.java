package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class FlightDesignatorTest {

    /** The rule as the prototype wrote it: the hand-written parser must answer as it does. */
    private static final Pattern DESIGNATOR = Pattern.compile("([A-Z]{3}|[A-Z0-9]{2})(\\d{1,4}[A-Z]?)");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    @Test
    void callsigns_and_flight_numbers_split_into_prefix_and_number() {
        assertThat(FlightDesignator.parse("DLH400")).isEqualTo(new FlightDesignator("DLH", "400"));
        assertThat(FlightDesignator.parse("lh 400")).isEqualTo(new FlightDesignator("LH", "400"));
        assertThat(FlightDesignator.parse("U21234")).isEqualTo(new FlightDesignator("U2", "1234"));
        assertThat(FlightDesignator.parse("EZY12AB")).isNull();
        assertThat(FlightDesignator.parse("BAW12A")).isEqualTo(new FlightDesignator("BAW", "12A"));
        assertThat(FlightDesignator.parse("4U123")).isEqualTo(new FlightDesignator("4U", "123"));
        assertThat(FlightDesignator.parse("DLH12345")).isNull();
        assertThat(FlightDesignator.parse("N123AB")).isNull();
        assertThat(FlightDesignator.parse("")).isNull();
        assertThat(FlightDesignator.parse(null)).isNull();
    }

    @Test
    void every_text_is_read_as_the_prototypes_regular_expression_reads_it() {
        Random random = new Random(7);
        String alphabet = "ABZaz0159 _-é";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            Matcher m = DESIGNATOR.matcher(s.toUpperCase(Locale.ROOT).replace(" ", ""));
            FlightDesignator expected = m.matches() ? new FlightDesignator(m.group(1), m.group(2)) : null;
            assertThat(FlightDesignator.parse(s)).as(s).isEqualTo(expected);
            assertThat(PositionRules.validKey(s)).as(s).isEqualTo(KEY.matcher(s).matches());
        }
    }
}
