package org.exhunt.server.dashboard;

/** The sign-in form: an analyst pastes the token once; the browser then holds only a session id (see {@link Sessions}). */
final class LoginPage {

    private LoginPage() {
    }

    static String render(String problem) {
        StringBuilder b = new StringBuilder("<h1>Sign in</h1>");
        if (problem != null) b.append("<p class=\"problem\" role=\"alert\">").append(Html.esc(problem)).append("</p>");
        b.append("<form method=\"post\" action=\"/login\" class=\"login\"><label>Analyst token ")
                .append("<input type=\"password\" name=\"token\" autocomplete=\"off\" required></label>")
                .append("<button type=\"submit\">Sign in</button></form>")
                .append("<p class=\"muted\">Make a token on the server with <code>exhunt token create --data DIR --tenant NAME --role analyst</code>.</p>");
        return Html.page("Sign in", null, false, b.toString());
    }

    static String forbidden() {
        return Html.page("Not allowed", null, true, "<h1>Not allowed</h1><p>This token is an agent token: it may only "
                + "upload reports. Sign out and sign in with an analyst token to see the fleet.</p>");
    }

    static String notFound(String what) {
        return Html.page("Not found", null, true, "<h1>Not found</h1><p>" + Html.esc(what) + "</p><p><a href=\"/\">All servers</a></p>");
    }
}
