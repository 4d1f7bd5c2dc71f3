package io.airlines.support;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** What every client error of the API looks like in a controller slice: problem+json, no stack trace. */
public final class Problems {

    private Problems() {
    }

    /** A 400 problem naming {@code field}. */
    public static ResultMatcher badRequestOn(String field) {
        return all(problem(400), jsonPath("$.field").value(field));
    }

    /** A 404 problem. */
    public static ResultMatcher notFound() {
        return problem(404);
    }

    public static ResultMatcher problem(int status) {
        return all(status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(status),
                content().string(not(containsString("Exception"))));
    }

    private static ResultMatcher all(ResultMatcher... matchers) {
        return result -> {
            for (ResultMatcher m : matchers) {
                m.match(result);
            }
        };
    }
}
