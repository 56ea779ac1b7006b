package com.huifang.reporting.kpi.domain;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The issues list (问题件清单) of a period: the issues raised in it (tenant-local date), filtered by status,
 * category, department and staff member, oldest first, one page at a time.
 *
 * @param statuses    OPEN, ESCALATED, RESOLVED, CLOSED; empty: all
 * @param categories  issue category codes; empty: all
 * @param departments department codes; empty: all
 * @param staff       staff ids, an issue naming any of them matches; empty: all
 */
public record IssueList(Set<String> statuses, Set<String> categories, Set<String> departments, Set<String> staff) {

    public static final List<String> STATUSES = List.of("OPEN", "ESCALATED", "RESOLVED", "CLOSED");
    public static final List<String> FILTERS = List.of("status", "category", "department", "staff");
    public static final int MAX_PAGE_SIZE = 500;

    public static final IssueList ALL = new IssueList(Set.of(), Set.of(), Set.of(), Set.of());

    public IssueList {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        departments = departments == null ? Set.of() : Set.copyOf(departments);
        staff = staff == null ? Set.of() : Set.copyOf(staff);
    }

    /**
     * Parses the filters by API name ("status", "category", "department", "staff").
     *
     * @throws ReportRequestException naming "filter.&lt;name&gt;" for an unknown filter or status
     */
    public static IssueList parse(Map<String, ? extends Collection<String>> filters) {
        Set<String> statuses = Set.of();
        Set<String> categories = Set.of();
        Set<String> departments = Set.of();
        Set<String> staff = Set.of();
        for (Map.Entry<String, ? extends Collection<String>> f : filters.entrySet()) {
            Set<String> values = f.getValue() == null ? Set.of() : Set.copyOf(f.getValue());
            switch (f.getKey()) {
                case "status" -> {
                    Set<String> upper = new TreeSet<>();
                    for (String v : values) {
                        String s = v.trim().toUpperCase(Locale.ROOT);
                        if (!STATUSES.contains(s)) {
                            throw new ReportRequestException("filter.status", "unknown status '" + v + "'; known: "
                                    + String.join(", ", STATUSES));
                        }
                        upper.add(s);
                    }
                    statuses = upper;
                }
                case "category" -> categories = values;
                case "department" -> departments = values;
                case "staff" -> staff = values;
                default -> throw new ReportRequestException("filter." + f.getKey(), "unknown filter '" + f.getKey()
                        + "'; known: " + String.join(", ", FILTERS));
            }
        }
        return new IssueList(statuses, categories, departments, staff);
    }

    public boolean matches(IssueLine line) {
        return (statuses.isEmpty() || statuses.contains(line.status()))
                && (categories.isEmpty() || categories.contains(line.category()))
                && (departments.isEmpty() || departments.contains(line.department()))
                && (staff.isEmpty() || line.staffIds().stream().anyMatch(staff::contains));
    }

    /** The matching lines of {@code lines} (as {@link IssueLine#of} orders them). */
    public List<IssueLine> filter(List<IssueLine> lines) {
        return lines.stream().filter(this::matches).toList();
    }

    /** One page of the matching issues and their total count. */
    public record Page(List<IssueLine> items, int page, int size, long total) {
    }

    /** @throws ReportRequestException naming "page" or "size" when out of range */
    public Page page(List<IssueLine> lines, int page, int size) {
        if (page < 0) {
            throw new ReportRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ReportRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<IssueLine> matching = filter(lines);
        long from = (long) page * size;
        List<IssueLine> items = from >= matching.size() ? List.of()
                : matching.subList((int) from, (int) Math.min(matching.size(), from + size));
        return new Page(items, page, size, matching.size());
    }

    /** The filters as the audit trail and the response state them (name → sorted values). */
    public Map<String, String> describe() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        put(out, "status", statuses);
        put(out, "category", categories);
        put(out, "department", departments);
        put(out, "staff", staff);
        return out;
    }

    private static void put(Map<String, String> out, String name, Set<String> values) {
        if (!values.isEmpty()) {
            out.put(name, values.stream().sorted().collect(Collectors.joining(",")));
        }
    }
}
