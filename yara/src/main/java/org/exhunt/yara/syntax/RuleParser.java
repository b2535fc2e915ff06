package org.exhunt.yara.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for YARA rule files: imports, includes and rules with their meta,
 * strings and condition. Stops at the first syntax error, as {@code yarac} rejects a file whole.
 */
public final class RuleParser {

    private final TokenStream in;
    private final String file;

    private RuleParser(String file, String source) {
        this.file = file;
        this.in = new TokenStream(new Lexer(file, source));
    }

    /**
     * Parses one file.
     *
     * @param file   the name used in positions and messages
     * @param source the file's bytes, one char per byte (decode with ISO-8859-1)
     * @throws YaraSyntaxException at the first place the text does not follow the grammar
     */
    public static RuleFile parse(String file, String source) {
        return new RuleParser(file, source).ruleFile();
    }

    /** Parses a condition on its own, as it would appear after {@code condition:}. */
    public static Expr parseCondition(String file, String source) {
        RuleParser p = new RuleParser(file, source);
        Expr e = new ConditionParser(p.in).expression();
        p.in.expect(TokenKind.EOF, "after the condition");
        return e;
    }

    private RuleFile ruleFile() {
        List<Declaration> out = new ArrayList<>();
        while (!in.at(TokenKind.EOF)) {
            Token t = in.peek();
            switch (t.kind()) {
                case IMPORT -> {
                    in.next();
                    out.add(new Declaration.Import(in.expect(TokenKind.TEXT, "(the module name) after \"import\"").text(), t.pos()));
                }
                case INCLUDE -> {
                    in.next();
                    out.add(new Declaration.Include(in.expect(TokenKind.TEXT, "(the file name) after \"include\"").text(), t.pos()));
                }
                case RULE, PRIVATE, GLOBAL -> out.add(rule());
                default -> throw in.unexpected("\"rule\", \"import\" or \"include\"");
            }
        }
        return new RuleFile(file, out);
    }

    private Rule rule() {
        Position pos = in.peek().pos();
        boolean isPrivate = false;
        boolean isGlobal = false;
        while (!in.at(TokenKind.RULE)) {
            if (in.accept(TokenKind.PRIVATE)) {
                isPrivate = true;
            } else if (in.accept(TokenKind.GLOBAL)) {
                isGlobal = true;
            } else {
                throw in.unexpected("\"rule\"");
            }
        }
        in.next();
        Token name = in.expect(TokenKind.IDENTIFIER, "(the rule name) after \"rule\"");
        List<String> tags = tags();
        in.expect(TokenKind.LBRACE, "to open the rule body");
        List<Meta> meta = in.at(TokenKind.META) ? meta() : List.of();
        List<StringDef> strings = in.at(TokenKind.STRINGS) ? new StringsParser(in).section() : List.of();
        if (!in.at(TokenKind.CONDITION)) {
            throw in.unexpected(strings.isEmpty() && meta.isEmpty()
                    ? "\"meta:\", \"strings:\" or \"condition:\"" : "\"condition:\"");
        }
        in.next();
        in.expect(TokenKind.COLON, "after \"condition\"");
        Expr condition = new ConditionParser(in).expression();
        in.expect(TokenKind.RBRACE, "to close rule \"" + name.text() + "\"");
        return new Rule(name.text(), isPrivate, isGlobal, tags, meta, strings, condition, pos);
    }

    private List<String> tags() {
        if (!in.accept(TokenKind.COLON)) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            Token t = in.expect(TokenKind.IDENTIFIER, "(a tag)");
            if (!seen.add(t.text())) {
                throw new YaraSyntaxException(t.pos(), "duplicated tag identifier \"" + t.text() + "\"");
            }
            tags.add(t.text());
        } while (in.at(TokenKind.IDENTIFIER));
        return tags;
    }

    private List<Meta> meta() {
        in.next();
        in.expect(TokenKind.COLON, "after \"meta\"");
        List<Meta> out = new ArrayList<>();
        while (in.at(TokenKind.IDENTIFIER)) {
            Token key = in.next();
            in.expect(TokenKind.ASSIGN, "after meta identifier \"" + key.text() + "\"");
            Token v = in.peek();
            Object value = switch (v.kind()) {
                case TEXT -> v.text();
                case INTEGER -> v.number();
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case MINUS -> {
                    in.next();
                    yield -in.expect(TokenKind.INTEGER, "after \"-\" in meta value").number();
                }
                default -> throw in.unexpected("a text string, number, true or false as the value of meta \"" + key.text() + "\"");
            };
            if (v.kind() != TokenKind.MINUS) {
                in.next();
            }
            out.add(new Meta(key.text(), value, key.pos()));
        }
        return out;
    }
}
