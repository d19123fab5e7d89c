// glpk_guard.c: see include/glpk_guard.h. The only place in wsplan that uses setjmp/longjmp.
#include "glpk_guard.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

/// One guarded call in progress on this thread (lives on the guard function's C stack).
typedef struct guard_frame {
    jmp_buf jump;
    glpk_guard_output output;
    void *info;
    glpk_guard_fault *fault;
    /// The application's search callback, called through `callback_trampoline`.
    void (*callback)(glp_tree *tree, void *info);
    void *callback_info;
    /// Above 0 while the application's callback runs: no longjmp may happen then.
    int in_callback;
    /// The last two chunks GLPK printed: on a fatal error, its message and "Error detected in…".
    char previous[512];
    char latest[512];
} guard_frame;

static _Thread_local guard_frame *current_frame = NULL;
static _Thread_local unsigned long freed_environments = 0;

unsigned long glpk_guard_generation(void) { return freed_environments; }

static void copy_text(char *destination, size_t size, const char *text) {
    strncpy(destination, text, size - 1);
    destination[size - 1] = '\0';
}

/// glp_term_hook while a guarded call runs: remember the text, hand it on, keep it off stdout.
static int capture_output(void *info, const char *text) {
    guard_frame *frame = info;
    if (frame == NULL || text == NULL) return 1;
    memcpy(frame->previous, frame->latest, sizeof frame->latest);
    copy_text(frame->latest, sizeof frame->latest, text);
    if (frame->output != NULL) frame->output(frame->info, text);
    return 1;
}

/// glp_term_hook between guarded calls: GLPK prints nothing then except error messages, which
/// belong on stderr (stdout may carry data).
static int output_to_stderr(void *info, const char *text) {
    (void)info;
    if (text != NULL) fputs(text, stderr);
    return 1;
}

/// glp_error_hook: GLPK has printed its message and would abort() when this returns.
static void on_fatal_error(void *info) {
    guard_frame *frame = info;
    if (frame == NULL || frame != current_frame) return;
    glpk_guard_fault *fault = frame->fault;
    fault->failed = 1;
    snprintf(fault->message, sizeof fault->message, "%s%s", frame->previous, frame->latest);
    if (frame->in_callback > 0) {
        // Jumping from here would unwind the Swift callback's frames without running their
        // cleanup; abort as GLPK would, but say why first.
        fputs("GLPK failed inside the search callback (cannot be recovered):\n", stderr);
        fputs(fault->message, stderr);
        return;
    }
    longjmp(frame->jump, 1);
}

static void callback_trampoline(glp_tree *tree, void *info) {
    guard_frame *frame = info;
    frame->in_callback += 1;
    frame->callback(tree, frame->callback_info);
    frame->in_callback -= 1;
}

/// Starts a guarded call; 0 when refused (a guarded call already runs on this thread, e.g. one
/// made from inside a search callback, whose failure would free the outer call's problem).
static int enter(guard_frame *frame, glpk_guard_output output, void *info, glpk_guard_fault *fault) {
    memset(fault, 0, sizeof *fault);
    if (current_frame != NULL) {
        fault->failed = 1;
        copy_text(fault->message, sizeof fault->message,
                  "a guarded GLPK call was made while another one was running on the same thread\n");
        return 0;
    }
    memset(frame, 0, sizeof *frame);
    frame->output = output;
    frame->info = info;
    frame->fault = fault;
    current_frame = frame;
    glp_term_out(GLP_ON);   // everything reaches the hook, which decides; never stdout
    glp_term_hook(capture_output, frame);
    glp_error_hook(on_fatal_error, frame);
    return 1;
}

/// Ends a guarded call. After a fatal error, frees GLPK's environment as GLPK documents (every
/// problem object of this thread goes with it); either way leaves GLPK quiet on stdout.
static void leave(guard_frame *frame) {
    current_frame = NULL;
    if (frame->fault->failed) {
        glp_free_env();
        freed_environments += 1;
    } else {
        glp_error_hook(NULL, NULL);
    }
    glp_term_hook(output_to_stderr, NULL);
}

glp_prob *glpk_guard_build(const glpk_guard_model *model, glpk_guard_output output, void *info,
                           glpk_guard_fault *fault) {
    guard_frame frame;
    if (!enter(&frame, output, info, fault)) return NULL;
    glp_prob *volatile problem = NULL;
    if (setjmp(frame.jump) == 0) {
        glp_prob *built = glp_create_prob();
        problem = built;
        glp_set_obj_dir(built, GLP_MIN);
        glp_set_obj_coef(built, 0, model->objective_constant);
        const char *name = model->names;
        if (model->columns > 0) glp_add_cols(built, model->columns);
        for (int j = 1; j <= model->columns; j++) {
            glp_set_col_name(built, j, name);
            name += strlen(name) + 1;
            glp_set_col_kind(built, j, model->column_kind[j - 1]);
            glp_set_col_bnds(built, j, model->column_type[j - 1], model->column_lower[j - 1],
                             model->column_upper[j - 1]);
            glp_set_obj_coef(built, j, model->column_objective[j - 1]);
        }
        if (model->rows > 0) glp_add_rows(built, model->rows);
        for (int i = 1; i <= model->rows; i++) {
            glp_set_row_name(built, i, name);
            name += strlen(name) + 1;
            glp_set_row_bnds(built, i, model->row_type[i - 1], model->row_lower[i - 1], model->row_upper[i - 1]);
        }
        if (model->nonzeros > 0) glp_load_matrix(built, model->nonzeros, model->ia, model->ja, model->ar);
    } else {
        problem = NULL;   // freed with the environment
    }
    leave(&frame);
    return problem;
}

int glpk_guard_simplex(glp_prob *problem, const glp_smcp *parameters, glpk_guard_output output,
                       void *info, glpk_guard_fault *fault) {
    guard_frame frame;
    if (!enter(&frame, output, info, fault)) return -1;
    volatile int code = -1;
    if (setjmp(frame.jump) == 0) code = glp_simplex(problem, parameters);
    else code = -1;
    leave(&frame);
    return code;
}

int glpk_guard_intopt(glp_prob *problem, const glp_iocp *parameters, glpk_guard_output output,
                      void *info, glpk_guard_fault *fault) {
    guard_frame frame;
    if (!enter(&frame, output, info, fault)) return -1;
    glp_iocp routed = *parameters;
    if (routed.cb_func != NULL) {
        frame.callback = routed.cb_func;
        frame.callback_info = routed.cb_info;
        routed.cb_func = callback_trampoline;
        routed.cb_info = &frame;
    }
    volatile int code = -1;
    if (setjmp(frame.jump) == 0) code = glp_intopt(problem, &routed);
    else code = -1;
    leave(&frame);
    return code;
}

int glpk_guard_write_mps(glp_prob *problem, int format, const char *path, glpk_guard_output output,
                         void *info, glpk_guard_fault *fault) {
    guard_frame frame;
    if (!enter(&frame, output, info, fault)) return -1;
    volatile int code = -1;
    if (setjmp(frame.jump) == 0) code = glp_write_mps(problem, format, NULL, path);
    else code = -1;
    leave(&frame);
    return code;
}

int glpk_guard_selftest_duplicate_index(glpk_guard_output output, void *info, glpk_guard_fault *fault) {
    guard_frame frame;
    if (!enter(&frame, output, info, fault)) return -1;
    volatile int code = -1;
    if (setjmp(frame.jump) == 0) {
        glp_prob *problem = glp_create_prob();
        glp_add_cols(problem, 2);
        glp_add_rows(problem, 1);
        const int columns[] = {0, 1, 1};           // 1-based; column 1 twice
        const double values[] = {0.0, 1.0, 2.0};
        glp_set_mat_row(problem, 1, 2, columns, values);
        glp_delete_prob(problem);
        code = 0;
    } else {
        code = -1;
    }
    leave(&frame);
    return code;
}
