// glpk_guard.h: runs GLPK calls so that GLPK's fatal errors come back as an error code instead of
// aborting the process.
//
// GLPK reports misuse and internal failures through glp_error, which prints a message and calls
// abort(). The documented way out is an error hook that longjmps back to the caller, followed by
// glp_free_env(). Swift can do neither, and a longjmp must never cross Swift frames, so each
// function here runs a pure-C chain of GLPK calls under setjmp. Every function:
//   * installs the error hook and a terminal hook for the duration of the call: GLPK's output goes
//     to `output` (a glp_term_hook-style function; NULL drops it) and never to stdout;
//   * on a fatal error frees GLPK's environment (every glp_prob of this thread is gone afterwards),
//     increments glpk_guard_generation() and fills `fault` with GLPK's own error text.
// GLPK keeps its environment per thread; so does this guard.
#ifndef GLPK_GUARD_H
#define GLPK_GUARD_H

#include <glpk.h>

#ifdef __cplusplus
extern "C" {
#endif

/// GLPK's terminal output, one chunk at a time (the signature of glp_term_hook's function).
typedef int (*glpk_guard_output)(void *info, const char *text);

/// The outcome of a guarded call.
typedef struct glpk_guard_fault {
    /// 1 when GLPK raised a fatal error and the environment was freed, else 0.
    int failed;
    /// GLPK's error message (the text it printed just before failing), NUL-terminated.
    char message[1024];
} glpk_guard_fault;

/// A problem as plain arrays: columns and rows 0-based; the matrix 1-based like glp_load_matrix
/// (slot 0 unused, entries 1...nonzeros). `names` holds `columns` column names then `rows` row
/// names, each NUL-terminated, back to back.
typedef struct glpk_guard_model {
    int columns;
    int rows;
    int nonzeros;
    double objective_constant;
    const int *column_kind;          // GLP_CV, GLP_IV or GLP_BV
    const int *column_type;          // GLP_FR, GLP_LO, GLP_UP, GLP_DB or GLP_FX
    const double *column_lower;
    const double *column_upper;
    const double *column_objective;
    const int *row_type;
    const double *row_lower;
    const double *row_upper;
    const int *ia;
    const int *ja;
    const double *ar;
    const char *names;
} glpk_guard_model;

/// Creates a minimisation problem from `model` (glp_create_prob, glp_add_cols/rows, glp_set_*,
/// glp_load_matrix). Returns NULL when GLPK failed (see `fault`).
glp_prob *glpk_guard_build(const glpk_guard_model *model, glpk_guard_output output, void *info,
                           glpk_guard_fault *fault);

/// glp_simplex under the guard. Returns GLPK's return code, or -1 with fault->failed set.
int glpk_guard_simplex(glp_prob *problem, const glp_smcp *parameters, glpk_guard_output output,
                       void *info, glpk_guard_fault *fault);

/// glp_intopt under the guard. Returns GLPK's return code, or -1 with fault->failed set.
///
/// The search callback (parameters->cb_func) usually lives in Swift, and a longjmp out of it would
/// cross Swift frames. The guard therefore calls it through a C trampoline that records that the
/// callback is running; a fatal error raised inside the callback is not jumped out of: its message
/// goes to stderr and GLPK aborts as it would without the guard. The callback must only make GLPK
/// calls that cannot fail (see GLPKSolver.swift).
int glpk_guard_intopt(glp_prob *problem, const glp_iocp *parameters, glpk_guard_output output,
                      void *info, glpk_guard_fault *fault);

/// glp_write_mps under the guard. Returns GLPK's return code (0 when written), or -1 with
/// fault->failed set.
int glpk_guard_write_mps(glp_prob *problem, int format, const char *path, glpk_guard_output output,
                         void *info, glpk_guard_fault *fault);

/// How many times this thread's GLPK environment has been freed after a fatal error. A glp_prob
/// created under an earlier generation no longer exists and must not be touched or deleted.
unsigned long glpk_guard_generation(void);

/// Test-only: creates a problem and sets one row with the same column twice, which GLPK treats as
/// a fatal error ("duplicate column indices not allowed"). Returns 0 if GLPK accepted it (it
/// should not), -1 with fault->failed set when the guard caught the error.
int glpk_guard_selftest_duplicate_index(glpk_guard_output output, void *info, glpk_guard_fault *fault);

#ifdef __cplusplus
}
#endif

#endif
