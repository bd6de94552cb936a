/* A stand-in for Windows' bcryptprimitives.dll, for the Wine tests only
 * (scripts/windows-test.sh). Rust's standard library takes its random numbers (HashMap
 * seeds) from ProcessPrng in bcryptprimitives.dll, which every Windows since 10 has but
 * Debian 12's Wine 8 does not: without it congbo.exe does not even start there. This gives
 * ProcessPrng from RtlGenRandom (advapi32's SystemFunction036), which Wine has. It is put
 * into the test's own Wine prefix, never shipped with congbo.exe. */
#include <windows.h>

BOOLEAN NTAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
