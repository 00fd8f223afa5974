/* Test-lane only (never shipped): Wine 8 has no icuuc.dll, which Qt 6.10+ for Windows links
 * against for its ICU text codecs. Every function here fails, so Qt starts and falls back to
 * its own UTF-8/UTF-16/Latin-1 codecs. Built with mingw by .ci/windows/setup. */
#include <stddef.h>

#define U_FILE_ACCESS_ERROR 4

__declspec(dllexport) void *ucnv_open(const char *name, int *err) {
    (void)name;
    if (err) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}

#define FAIL(fn) __declspec(dllexport) void *fn(void) { return NULL; }
FAIL(ucnv_close) FAIL(UCNV_FROM_U_CALLBACK_SUBSTITUTE) FAIL(UCNV_TO_U_CALLBACK_SUBSTITUTE)
FAIL(ucnv_reset) FAIL(ucnv_getMaxCharSize) FAIL(ucnv_getName) FAIL(ucnv_getToUCallBack)
FAIL(ucnv_getFromUCallBack) FAIL(ucnv_setToUCallBack) FAIL(ucnv_setFromUCallBack)
FAIL(ucnv_cbToUWriteUChars) FAIL(ucnv_toUnicode) FAIL(ucnv_cbFromUWriteUChars)
FAIL(ucnv_toUCountPending) FAIL(ucnv_fromUCountPending) FAIL(ucnv_getStandardName)
FAIL(ucnv_getAvailableName) FAIL(ucnv_countAvailable) FAIL(ucnv_fromUnicode)
