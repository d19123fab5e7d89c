// GLPK's single public header, installed by Debian's libglpk-dev at /usr/include/glpk.h.
#include <glpk.h>
