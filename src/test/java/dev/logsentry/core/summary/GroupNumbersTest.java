package dev.logsentry.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GroupNumbersTest {

    @Test
    void numbersGroupsAsTheRegexEngineDoes() {
        String regex =
                "^(?:Accepted|Failed) (?<method>\\S+) for (invalid user )?(?<user>[^ (]+)"
                        + "(?<=\\w) from [(](?<host>[0-9.]+)\\) port (\\d+)(?!x)";
        Pattern p = Pattern.compile(regex);
        List<String> numbered = GroupNumbers.of(regex, p);
        assertThat(numbered).containsExactly("method", null, "user", "host", null);
        Matcher m = p.matcher("Accepted password for invalid user bob from (10.0.0.1) port 22");
        assertThat(m.lookingAt()).isTrue();
        for (String name : List.of("method", "user", "host")) {
            assertThat(m.group(numbered.indexOf(name) + 1)).isEqualTo(m.group(name));
        }
    }

    @Test
    void declinesWhatItCannotFollow() {
        for (String regex : Arrays.asList("\\Q(a)\\E(?<x>b)", "[a[(]](?<x>b)")) {
            assertThat(GroupNumbers.of(regex, Pattern.compile(regex))).as(regex).isNull();
        }
    }
}
