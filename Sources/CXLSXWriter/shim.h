// libxlsxwriter (Debian libxlsxwriter-dev): writes .xlsx workbooks with typed cells.
#include <xlsxwriter.h>
