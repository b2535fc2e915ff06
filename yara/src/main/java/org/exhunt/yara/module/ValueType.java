package org.exhunt.yara.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The type of a value a module exposes to conditions, and of condition expressions in general. */
public sealed interface ValueType
        permits ValueType.Scalar, ValueType.Struct, ValueType.ArrayOf, ValueType.DictionaryOf, ValueType.Function {

    /** How the type reads in messages, with YARA's names. */
    String describe();

    enum Scalar implements ValueType {
        INTEGER, FLOAT, STRING, REGEX, BOOLEAN;

        @Override
        public String describe() {
            return switch (this) {
                case INTEGER -> "integer";
                case FLOAT -> "float";
                case STRING -> "string";
                case REGEX -> "regexp";
                case BOOLEAN -> "boolean";
            };
        }
    }

    /** Named fields, e.g. the root of {@code pe} or one element of {@code pe.sections}. */
    record Struct(Map<String, ValueType> fields) implements ValueType {

        public Struct {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String describe() {
            return "structure";
        }
    }

    /** An array indexed by integers from 0. */
    record ArrayOf(ValueType element) implements ValueType {

        @Override
        public String describe() {
            return "array";
        }
    }

    /** A dictionary keyed by strings. */
    record DictionaryOf(ValueType element) implements ValueType {

        @Override
        public String describe() {
            return "dictionary";
        }
    }

    /** A function with one or more overloads. */
    record Function(List<Signature> overloads) implements ValueType {

        public Function {
            overloads = List.copyOf(overloads);
        }

        @Override
        public String describe() {
            return "function";
        }
    }

    /** One overload: parameter types and the result type. */
    record Signature(List<Scalar> parameters, Scalar result) {

        public Signature {
            parameters = List.copyOf(parameters);
        }
    }
}
