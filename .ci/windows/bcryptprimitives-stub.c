/* Test-lane only (never shipped): Wine 8 has no bcryptprimitives.dll, whose ProcessPrng the
 * Rust-built `cryptography` wheel (used by trustme in the tests) imports. ProcessPrng is
 * forwarded to advapi32's RtlGenRandom (SystemFunction036). Built by .ci/windows/setup. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
