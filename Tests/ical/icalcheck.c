/*
 * icalcheck: checks iCalendar files with libical, a stricter reader than most calendar apps.
 *
 *   cc -o icalcheck Tests/ical/icalcheck.c $(pkg-config --cflags --libs libical)
 *   icalcheck FILE.ics...
 *
 * For every file: parses it with icalparser_parse_string, demands one VCALENDAR with
 * METHOD:PUBLISH, runs libical's RFC 5546 restriction check (icalrestriction_check) on it and
 * reports every X-LIC-ERROR property libical inserted, while parsing or checking, naming the file
 * and the component (VEVENT with its UID). icalrestriction_check stops at the first component that
 * fails, so each component is also checked alone in a copy of the calendar, to name every offender.
 * It also demands that no VEVENT got lost in parsing and that every TZID has its VTIMEZONE.
 *
 * Exit status: 0 when every file passes, 1 when any problem was found, 2 on usage errors.
 *
 * libical's components have one iterator each, shared by every walk over them: the walks below
 * first collect what they visit into arrays, so that nested look-ups cannot disturb them.
 */
#include <libical/ical.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int problems = 0;

/* "VEVENT augsburg-preparation@wsplan", "VTIMEZONE Europe/Berlin", "VCALENDAR", "VEVENT without UID (SUMMARY …)". */
static void label(icalcomponent *comp, char *out, size_t size) {
    const char *kind = comp ? icalcomponent_kind_to_string(icalcomponent_isa(comp)) : NULL;
    const char *name = NULL;
    if (comp) {
        icalproperty *p = icalcomponent_get_first_property(comp, ICAL_UID_PROPERTY);
        if (p) name = icalproperty_get_uid(p);
        else if ((p = icalcomponent_get_first_property(comp, ICAL_TZID_PROPERTY)) != NULL) name = icalproperty_get_tzid(p);
        else if ((p = icalcomponent_get_first_property(comp, ICAL_SUMMARY_PROPERTY)) != NULL) {
            snprintf(out, size, "%s without UID (SUMMARY %s)", kind ? kind : "component", icalproperty_get_summary(p));
            return;
        }
    }
    snprintf(out, size, "%s%s%s", kind ? kind : "file", name ? " " : "", name ? name : "");
}

static void report(const char *file, const char *where, const char *fmt, ...) {
    va_list args;
    fprintf(stderr, "icalcheck: %s: %s: ", file, where);
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    fputc('\n', stderr);
    problems++;
}

/* The properties of one kind (ICAL_ANY_PROPERTY for all) of comp; free the result. */
static icalproperty **properties(icalcomponent *comp, icalproperty_kind kind, int *count) {
    int n = icalcomponent_count_properties(comp, kind), i = 0;
    icalproperty **list = calloc((size_t)n + 1, sizeof *list);
    for (icalproperty *p = icalcomponent_get_first_property(comp, kind); p && i < n;
         p = icalcomponent_get_next_property(comp, kind))
        list[i++] = p;
    *count = i;
    return list;
}

/* The components directly inside comp; free the result. */
static icalcomponent **children(icalcomponent *comp, int *count) {
    int n = icalcomponent_count_components(comp, ICAL_ANY_COMPONENT), i = 0;
    icalcomponent **list = calloc((size_t)n + 1, sizeof *list);
    for (icalcomponent *c = icalcomponent_get_first_component(comp, ICAL_ANY_COMPONENT); c && i < n;
         c = icalcomponent_get_next_component(comp, ICAL_ANY_COMPONENT))
        list[i++] = c;
    *count = i;
    return list;
}

/* Reports the X-LIC-ERROR properties of comp (and, if recursive, of everything inside it). */
static int report_errors(const char *file, icalcomponent *comp, const char *stage, int recursive) {
    char where[512];
    label(comp, where, sizeof where);
    int n, found = 0;
    icalproperty **errors = properties(comp, ICAL_XLICERROR_PROPERTY, &n);
    for (int i = 0; i < n; i++) {
        int repeated = 0;   /* libical may add the same error many times */
        for (int j = 0; j < i && !repeated; j++)
            repeated = strcmp(icalproperty_get_xlicerror(errors[i]), icalproperty_get_xlicerror(errors[j])) == 0;
        if (repeated) continue;
        const char *type = icalproperty_get_parameter_as_string(errors[i], "X-LIC-ERRORTYPE");
        report(file, where, "libical %s error: %s%s%s%s", stage, icalproperty_get_xlicerror(errors[i]),
               type ? " (" : "", type ? type : "", type ? ")" : "");
        found++;
    }
    free(errors);
    if (recursive) {
        icalcomponent **inner = children(comp, &n);
        for (int i = 0; i < n; i++) found += report_errors(file, inner[i], stage, 1);
        free(inner);
    }
    return found;
}

/* Every TZID parameter in comp (and inside it) must name a VTIMEZONE of the calendar. */
static void check_tzids(const char *file, icalcomponent *calendar, icalcomponent *comp) {
    char where[512];
    label(comp, where, sizeof where);
    int n;
    icalproperty **props = properties(comp, ICAL_ANY_PROPERTY, &n);
    for (int i = 0; i < n; i++) {
        icalparameter *tz = icalproperty_get_first_parameter(props[i], ICAL_TZID_PARAMETER);
        if (tz && !icalcomponent_get_timezone(calendar, icalparameter_get_tzid(tz)))
            report(file, where, "%s has TZID=%s, but the calendar has no VTIMEZONE with that TZID",
                   icalproperty_get_property_name(props[i]), icalparameter_get_tzid(tz));
    }
    free(props);
    icalcomponent **inner = children(comp, &n);
    for (int i = 0; i < n; i++)
        if (icalcomponent_isa(inner[i]) != ICAL_VTIMEZONE_COMPONENT) check_tzids(file, calendar, inner[i]);
    free(inner);
}

static char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t size = 0, capacity = 1 << 16, n;
    char *buffer = malloc(capacity + 1);
    while (buffer && (n = fread(buffer + size, 1, capacity - size, f)) > 0) {
        size += n;
        if (size == capacity) {
            capacity *= 2;
            char *bigger = realloc(buffer, capacity + 1);
            if (!bigger) free(buffer);
            buffer = bigger;
        }
    }
    fclose(f);
    if (!buffer) return NULL;
    buffer[size] = '\0';
    *length = size;
    return buffer;
}

/* How many physical lines are exactly `line`. */
static int count_lines(const char *text, const char *line) {
    int count = 0;
    size_t n = strlen(line);
    for (const char *p = text; (p = strstr(p, line)) != NULL; p += n)
        if ((p == text || p[-1] == '\n') && (p[n] == '\r' || p[n] == '\n' || p[n] == '\0')) count++;
    return count;
}

static void check_file(const char *file) {
    size_t length;
    char *text = read_file(file, &length);
    if (!text) { report(file, "file", "cannot read it"); return; }
    if (strlen(text) != length) report(file, "file", "holds a NUL byte");

    icalerror_clear_errno();
    icalcomponent *root = icalparser_parse_string(text);
    if (!root) {
        report(file, "file", "libical could not parse it (%s)", icalerror_strerror(icalerrno));
        free(text);
        return;
    }
    if (icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) {
        report(file, "file", "expected one VCALENDAR at the top, libical found %s",
               icalcomponent_kind_to_string(icalcomponent_isa(root)));
        icalcomponent_free(root);
        free(text);
        return;
    }
    report_errors(file, root, "parse", 1);

    icalproperty *method = icalcomponent_get_first_property(root, ICAL_METHOD_PROPERTY);
    if (!method) report(file, "VCALENDAR", "no METHOD (expected METHOD:PUBLISH)");
    else if (icalproperty_get_method(method) != ICAL_METHOD_PUBLISH)
        report(file, "VCALENDAR", "METHOD:%s, expected PUBLISH", icalproperty_method_to_string(icalproperty_get_method(method)));

    int events = icalcomponent_count_components(root, ICAL_VEVENT_COMPONENT);
    int written = count_lines(text, "BEGIN:VEVENT");
    if (events != written)
        report(file, "VCALENDAR", "%d BEGIN:VEVENT lines, but libical read %d VEVENTs", written, events);
    check_tzids(file, root, root);

    /* The RFC 5546 check on the whole calendar (a copy without the parse errors reported above);
     * here only the problems of the VCALENDAR itself are reported ... */
    icalcomponent *whole = icalcomponent_new_clone(root);
    icalcomponent_strip_errors(whole);
    int valid = icalrestriction_check(whole);
    int found = report_errors(file, whole, "RFC 5546 restriction", 0);
    icalcomponent_free(whole);

    /* ... and those of each component inside, checked alone in a copy of the calendar. */
    int n, props;
    icalcomponent **inner = children(root, &n);
    icalproperty **calendar = properties(root, ICAL_ANY_PROPERTY, &props);
    for (int i = 0; i < n; i++) {
        icalcomponent *single = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
        for (int j = 0; j < props; j++)
            if (icalproperty_isa(calendar[j]) != ICAL_XLICERROR_PROPERTY)
                icalcomponent_add_property(single, icalproperty_new_clone(calendar[j]));
        icalcomponent *copy = icalcomponent_new_clone(inner[i]);
        icalcomponent_strip_errors(copy);
        icalcomponent_add_component(single, copy);
        if (!icalrestriction_check(single)) {
            int more = report_errors(file, copy, "RFC 5546 restriction", 1);
            if (!more) {
                char where[512];
                label(inner[i], where, sizeof where);
                report(file, where, "fails libical's RFC 5546 restriction check");
            }
            found += more + !more;
        }
        icalcomponent_free(single);
    }
    free(calendar);
    free(inner);
    if (!valid && found == 0) report(file, "VCALENDAR", "fails libical's RFC 5546 restriction check (icalrestriction_check)");

    icalcomponent_free(root);
    free(text);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: icalcheck FILE.ics...\n");
        return 2;
    }
    icalerror_set_errors_are_fatal(0);
    for (int i = 1; i < argc; i++) {
        int before = problems;
        check_file(argv[i]);
        if (problems == before) printf("icalcheck: %s: ok\n", argv[i]);
    }
    if (problems) fprintf(stderr, "icalcheck: %d problem(s) in %d file(s) checked\n", problems, argc - 1);
    return problems ? 1 : 0;
}
