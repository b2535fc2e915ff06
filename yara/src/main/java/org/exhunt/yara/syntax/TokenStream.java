package org.exhunt.yara.syntax;

import java.util.ArrayList;
import java.util.List;

/** The lexer's tokens with a little lookahead, and the expect-or-fail helpers the parser uses. */
final class TokenStream {

    private final Lexer lexer;
    private final List<Token> ahead = new ArrayList<>();

    TokenStream(Lexer lexer) {
        this.lexer = lexer;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int n) {
        while (ahead.size() <= n) {
            ahead.add(lexer.next());
        }
        return ahead.get(n);
    }

    boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    Token next() {
        Token t = peek();
        ahead.remove(0);
        return t;
    }

    boolean accept(TokenKind kind) {
        if (at(kind)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(TokenKind kind, String context) {
        if (!at(kind)) {
            throw unexpected(kind.describe() + " " + context);
        }
        return next();
    }

    YaraSyntaxException unexpected(String expected) {
        Token t = peek();
        return new YaraSyntaxException(t.pos(), "syntax error: expected " + expected + ", found " + t.describe());
    }
}
