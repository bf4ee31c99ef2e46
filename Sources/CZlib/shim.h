// zlib (Debian zlib1g-dev): gzip-compressed traces (`--trace FILE.gz`).
#include <zlib.h>
