package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The metadata shared by rules and filters while they are read; mutable, package use only. */
final class RuleHeader {
    String id;
    String name;
    String title;
    String status;
    String level;
    String description;
    String author;
    String date;
    String modified;
    List<String> tags = new ArrayList<>();
    List<String> references = new ArrayList<>();
    List<String> falsePositives = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    Map<String, Object> custom = Map.of();
    String source;
    int line;
}
