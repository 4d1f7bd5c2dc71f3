package io.airlines.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@code application/problem+json} answer of a servlet filter, which runs before Spring MVC
 * and its {@code ApiProblems} advice can shape one. Texts are fixed by the server, never echoed
 * from the request, so nothing needs escaping.
 */
public final class ProblemResponse {

    private ProblemResponse() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail, String field)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"" + (field == null ? "" : ",\"field\":\"" + field + "\"") + "}");
    }
}
