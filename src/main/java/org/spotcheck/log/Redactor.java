package org.spotcheck.log;

/** Keeps the bot token out of anything logged: it is part of every Bot API URL. */
public final class Redactor {

    private final String token;

    public Redactor(String token) {
        this.token = token;
    }

    public String redact(String text) {
        if (text == null) {
            return "";
        }
        return token.isEmpty() ? text : text.replace(token, "<token>");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Redactor r && r.token.equals(token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }

    @Override
    public String toString() {
        return "Redactor[token hidden]";
    }

    /** "ClassName: message" of an error and its causes, with the token removed. */
    public String describe(Throwable error) {
        var out = new StringBuilder();
        for (Throwable e = error; e != null && out.length() < 500; e = e.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(e.getClass().getSimpleName()).append(": ").append(redact(e.getMessage()));
            if (e.getCause() == e) {
                break;
            }
        }
        return out.toString();
    }
}
